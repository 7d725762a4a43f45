namespace Academy.Users;

/// <summary>Route names of the account pages (registering, passwords, e-mail address) and the registration queue.</summary>
public static class AccountRoutes
{
    public const string Register = "Users.Registration.Register";
    public const string RegisterSent = "Users.Registration.CheckYourMail";
    public const string ConfirmRegistration = "Users.Registration.Confirm";
    public const string ForgotPassword = "Users.Password.Forgot";
    public const string ForgotPasswordSent = "Users.Password.ForgotSent";
    public const string ResetPassword = "Users.Password.Reset";
    public const string ChangePassword = "Users.Password.Change";
    public const string ChangeEmail = "Users.Email.Change";
    public const string ConfirmNewEmail = "Users.Email.Confirm";
    public const string RegistrationsQueue = "Users.RegistrationsAdmin.Index";
    public const string OrganisationDomains = "Users.OrganisationDomains.Edit";

    /// <summary>The privacy statement (the profile and privacy pages register it).</summary>
    public const string PrivacyStatement = "Users.Privacy.Statement";
}
