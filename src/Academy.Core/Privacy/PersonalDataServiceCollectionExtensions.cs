using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Privacy;

public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>Registers a module's <see cref="IPersonalDataProvider"/> (export and erasure of what it keeps on a person).</summary>
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services) where T : class, IPersonalDataProvider =>
        services.AddScoped<IPersonalDataProvider, T>();
}

/// <summary>Helpers for providers: JSON of export records, and the texts that identify a person in stored JSON.</summary>
public static class PersonalDataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!;

    /// <summary>
    /// Lower-cased texts that mark a stored text (event payload, mail, workflow state) as being about the subject: the
    /// account id, the e-mail address, and the full name when it is long enough not to match strangers, each also as
    /// JSON escapes it (System.Text.Json writes "é" as "\u00e9").
    /// </summary>
    public static IReadOnlyList<string> Needles(PersonalDataSubject subject)
    {
        var values = new List<string> { subject.UserId, subject.Email };
        if (subject.DisplayName.Trim().Length >= 5)
        {
            values.Add(subject.DisplayName.Trim());
        }
        return values.Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => new[] { v, JsonSerializer.Serialize(v)[1..^1] })
            .Select(v => v.ToLowerInvariant())
            .Distinct()
            .ToList();
    }
}
