using Academy.Core.Jobs;

namespace Academy.EmployerSignup.Services;

/// <summary>Runs when a sign-up's hold time is over: if the contact has not confirmed, the seats are released.</summary>
public sealed class SignupExpiryJob(EmployerSignupService signups) : IJobHandler
{
    public string Kind => EmployerSignupService.ExpiryJobKind;

    public Task RunAsync(DueJob job, CancellationToken cancellationToken) => signups.ExpireAsync(job.Key, cancellationToken);
}
