using Academy.Core.Security;
using Academy.EmployerSignup.Controllers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.EmployerSignup.Services;

/// <summary>Per-client throttling of POST /harrie (Core's <see cref="ClientThrottle"/>), set by Academy:EmployerSignup:SubmissionsPerWindow.</summary>
public static class SignupThrottle
{
    public const string Policy = "academy-harrie-signup";

    public static IServiceCollection AddSignupThrottle(this IServiceCollection services) =>
        services.AddClientThrottle(Policy, sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmployerSignupOptions>>().Value;
            return (Math.Max(1, options.SubmissionsPerWindow), TimeSpan.FromSeconds(Math.Max(1, options.SubmissionWindowSeconds)));
        }, (http, _) => ClientThrottle.ViewAsync(http, "Message", new SignupMessageModel(
            "Te veel aanmeldingen",
            "Er zijn vanaf dit adres te veel aanmeldingen verstuurd. Probeer het over enkele minuten opnieuw, of neem contact op met de leeracademie.",
            IsError: true)));
}
