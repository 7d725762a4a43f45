using Academy.Core.Jobs;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Academy.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>Definition checks without a host: shape, ids, start, transitions, outcomes and unknown types.</summary>
public sealed class WorkflowValidatorTests
{
    private static readonly WorkflowLiquid Liquid = new();

    /// <summary>The activities as a module adds them (by constructor injection), in a container of their own.</summary>
    private static WorkflowValidator Validator()
    {
        var services = new ServiceCollection()
            .AddSingleton(Liquid)
            .AddSingleton<IJobScheduler>(new RecordingJobScheduler())
            .AddSingleton<IWorkflowMail>(new UnusedMail())
            .AddSingleton<ActivityCatalog>()
            .AddScoped<ActivityLibrary>()
            .AddActivity<SendEmailTask>().AddActivity<ConditionTask>().AddActivity<SetVariableTask>()
            .AddActivity<TimerEvent>().AddActivity<SignalEvent>().AddActivity<WaitTask>()
            .AddWorkflowEvent("EnrolmentConfirmed", "Aanmelding bevestigd")
            .BuildServiceProvider();
        return new(services.CreateScope().ServiceProvider.GetRequiredService<ActivityLibrary>());
    }

    private sealed class UnusedMail : IWorkflowMail
    {
        public Task QueueAsync(ActivityContext context, string to, string? toName, string subject, string body,
            IReadOnlyList<Academy.Email.Abstractions.MailAttachment>? attachments, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private const string Valid = """
        { "Id": "herinnering", "Name": "Herinnering", "IsEnabled": true,
          "Activities": [
            { "Id": "a1", "Type": "EnrolmentConfirmed", "IsStart": true },
            { "Id": "a2", "Type": "Condition", "Properties": { "Expression": "Input.FirstSessionStartUtc != blank" } },
            { "Id": "a3", "Type": "Timer", "Properties": { "Relative": "{{ Input.FirstSessionStartUtc }}", "Offset": "-2d" } },
            { "Id": "a4", "Type": "SendEmail", "Properties": { "To": "{{ Input.ParticipantEmail }}", "Subject": "Herinnering", "Body": "Tot snel." } }
          ],
          "Transitions": [ { "From": "a1", "Outcome": "Done", "To": "a2" }, { "From": "a2", "Outcome": "True", "To": "a3" }, { "From": "a3", "Outcome": "Done", "To": "a4" } ] }
        """;

    [Fact]
    public void A_valid_definition_has_no_problems()
    {
        var result = Validator().Validate(Valid);
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal("herinnering", result.Definition!.Id);
        Assert.Equal(["a2"], result.Definition.Next("a1", "Done"));
    }

    [Fact]
    public void Unknown_activity_type_is_reported_not_thrown()
    {
        var result = Validator().Validate(Valid.Replace("\"Type\": \"SendEmail\"", "\"Type\": \"SetEnrolmentStatus\""));
        Assert.NotNull(result.Definition);
        Assert.Equal(["Activiteit 'a4' heeft een onbekend type 'SetEnrolmentStatus'."], result.Errors);
    }

    [Fact]
    public void Structural_problems_are_reported_in_Dutch()
    {
        var json = """
            { "Id": "Fout Id", "Name": "",
              "Activities": [
                { "Id": "a1", "Type": "SendEmail", "IsStart": true, "Properties": { "To": "x@example.nl", "Subject": "{% if %}", "Body": "b" } },
                { "Id": "a1", "Type": "Condition", "Properties": { } }
              ],
              "Transitions": [ { "From": "a1", "Outcome": "Misschien", "To": "a9" }, { "From": "a0", "To": "a1" } ] }
            """;
        var errors = Validator().Validate(json).Errors;
        Assert.Contains(errors, e => e.StartsWith("'Id' is verplicht", StringComparison.Ordinal));
        Assert.Contains("'Name' is verplicht.", errors);
        Assert.Contains("De activiteit-id 'a1' komt meer dan één keer voor.", errors);
        Assert.Contains(errors, e => e.Contains("kan geen start zijn"));
        Assert.Contains(errors, e => e.Contains("'Subject': de Liquid-opmaak is ongeldig."));
        Assert.Contains("Activiteit 'a1' (Condition): 'Expression' is verplicht.", errors);
        Assert.Contains("Een overgang gaat naar activiteit 'a9', die niet bestaat.", errors);
        Assert.Contains("Een overgang komt van activiteit 'a0', die niet bestaat.", errors);
        Assert.Contains(errors, e => e.Contains("geen uitkomst 'Misschien'"));
    }

    [Fact]
    public void A_definition_needs_a_start_event_and_readable_json()
    {
        var noStart = Validator().Validate(Valid.Replace("\"IsStart\": true", "\"IsStart\": false"));
        Assert.Contains(noStart.Errors, e => e.StartsWith("Er is geen startactiviteit", StringComparison.Ordinal));

        var broken = Validator().Validate("{ \"Id\": \"x\", ");
        Assert.Null(broken.Definition);
        Assert.StartsWith("De JSON is ongeldig", Assert.Single(broken.Errors));

        var noActivities = Validator().Validate("""{ "Id": "x", "Name": "X" }""");
        Assert.Null(noActivities.Definition);
        Assert.Contains("'Activities' moet een lijst zijn.", noActivities.Errors);
    }

    [Theory]
    [InlineData("2d", 48 * 60)]
    [InlineData("-2d", -48 * 60)]
    [InlineData("3h", 180)]
    [InlineData("30m", 30)]
    [InlineData("1w", 7 * 24 * 60)]
    [InlineData("-2.00:00:00", -48 * 60)]
    [InlineData("02:00:00", 120)]
    public void Durations_read_short_and_timespan_forms(string text, int minutes)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("twee dagen")]
    [InlineData("2x")]
    public void Durations_reject_other_text(string text) => Assert.False(Durations.TryParse(text, out _));

    [Fact]
    public async Task Liquid_reads_json_input_and_formats_Dutch_dates()
    {
        var input = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse("""
            { "Name": "Anna", "Count": 3, "Start": "2027-03-02T08:30:00Z", "Participants": [ { "Name": "Bert" }, { "Name": "Cor" } ], "Nested": { "Ok": true } }
            """)!;
        var model = new Dictionary<string, object?> { ["Input"] = WorkflowLiquid.ToPlain(input) };
        var text = await Liquid.RenderAsync(
            "{{ Input.Name }} {{ Input.Count | plus: 1 }} {{ Input.Start | datum_tijd }} {% for p in Input.Participants %}{{ p.Name }};{% endfor %} {{ Input.Nested.Ok }}", model);
        Assert.Equal("Anna 4 dinsdag 2 maart 2027 om 09:30 Bert;Cor; true", text);
        Assert.True(await Liquid.EvaluateAsync("Input.Count > 2 and Input.Nested.Ok", model));
        Assert.False(await Liquid.EvaluateAsync("{{ Input.Missing != blank }}", model));
        await Assert.ThrowsAsync<WorkflowLiquidException>(() => Liquid.RenderAsync("{% if %}", model));
    }
}
