using Academy.Users;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Academy.Tests.Users;

/// <summary>
/// Academy:Users:PasswordHashIterations: a site without it hashes with Identity's own default; the test hosts lower it,
/// and a password hashed with either count keeps verifying (the count is part of the stored hash); a site with the
/// default count asks to rehash a weaker hash, so Identity upgrades it at the next sign-in.
/// </summary>
public sealed class PasswordHashIterationsTests
{
    private const string Password = "lang-genoeg-wachtwoord-voor-tests";

    [Fact]
    public void Without_the_setting_new_hashes_use_Identitys_default_iterations()
    {
        var hasher = Hasher(new Dictionary<string, string?>());

        var hash = hasher.HashPassword(new AcademyUser(), Password);

        Assert.Equal(new PasswordHasherOptions().IterationCount, Iterations(hash));
        Assert.True(Iterations(hash) >= 100_000, $"Identity's default is {Iterations(hash)} iterations");
    }

    [Fact]
    public void The_setting_lowers_the_iterations_and_every_stored_hash_still_verifies()
    {
        var fast = Hasher(new Dictionary<string, string?> { ["Academy:Users:PasswordHashIterations"] = "1000" });
        var standard = Hasher(new Dictionary<string, string?>());
        var user = new AcademyUser();

        var cheap = fast.HashPassword(user, Password);
        var strong = standard.HashPassword(user, Password);

        Assert.Equal(1000, Iterations(cheap));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, standard.VerifyHashedPassword(user, cheap, Password));
        Assert.Equal(PasswordVerificationResult.Success, fast.VerifyHashedPassword(user, strong, Password));
        Assert.Equal(PasswordVerificationResult.Failed, fast.VerifyHashedPassword(user, strong, Password + "!"));
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        var services = Services(new Dictionary<string, string?> { ["Academy:Users:PasswordHashIterations"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccountProtectionOptions>>().Value);

        Assert.Contains("PasswordHashIterations", error.Message);
    }

    private static IPasswordHasher<AcademyUser> Hasher(Dictionary<string, string?> settings) =>
        new PasswordHasher<AcademyUser>(Services(settings).GetRequiredService<IOptions<PasswordHasherOptions>>());

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        AccountProtectionOptions.Add(services, configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Identity's v3 format: marker byte, PRF (4 bytes), iteration count (4 bytes, big-endian), ….</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return bytes[5] << 24 | bytes[6] << 16 | bytes[7] << 8 | bytes[8];
    }
}
