using System.Text.Json.Serialization;
using Academy.Core.Content;

namespace Academy.Leeragenda.Models;

/// <summary>The groups (editions) of an offering, each with a capacity and its sessions.</summary>
public sealed class EditionsPart : ContentPart
{
    public List<Edition> Editions { get; set; } = [];
}

public sealed class Edition
{
    /// <summary>Stable across versions; enrolments refer to it.</summary>
    public string EditionId { get; set; } = "";
    public string Name { get; set; } = "";
    public int Capacity { get; set; }
    public List<Session> Sessions { get; set; } = [];
    /// <summary>E-mail addresses of the trainers who give this group; they take its attendance.</summary>
    public List<string> TrainerEmails { get; set; } = [];

    [JsonIgnore]
    public DateTime? StartUtc => Sessions.Count == 0 ? null : Sessions.Min(s => s.Start);
    [JsonIgnore]
    public DateTime? EndUtc => Sessions.Count == 0 ? null : Sessions.Max(s => s.End);
}

public sealed class Session
{
    public string SessionId { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime Start { get; set; }
    /// <summary>UTC.</summary>
    public DateTime End { get; set; }
    public string? Location { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
}
