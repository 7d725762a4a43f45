using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.Media;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Users.Privacy;

/// <summary>A signed-in account with a unique name and address, for profile and AVG tests.</summary>
public sealed record Member(Browser Browser, string UserId, string Email, string Name);

internal static class PrivacyTestKit
{
    /// <summary>Creates an account in <paramref name="role"/> with a name no other test uses, and signs it in.</summary>
    public static async Task<Member> MemberAsync(AcademyFactory factory, string role = "Professional")
    {
        var key = Guid.NewGuid().ToString("n")[..10];
        var email = $"avg-{key}@example.nl";
        var name = $"Anne Wisbaar{key}";
        string userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, AdminTestKit.UserPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            userId = user.Id;
        }
        var browser = new Browser(factory.CreateBrowserClient());
        await browser.LoginAsync(email, AdminTestKit.UserPassword);
        return new Member(browser, userId, email, name);
    }

    /// <summary>Posts the profile form as a browser would (multipart), with an optional photo.</summary>
    public static async Task<Page> SaveProfileAsync(Browser browser, IReadOnlyDictionary<string, string> fields, byte[]? photo = null,
        string photoName = "foto.jpg", params string[] themes)
    {
        var token = await browser.TokenAsync("/mijn-profiel");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var theme in themes)
        {
            content.Add(new StringContent(theme), "Themes");
        }
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Photo", photoName);
        }
        var response = await browser.Client.PostAsync("/mijn-profiel", content);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), html);
    }

    public static Task<Page> SaveProfileWithPhotoAsync(Member member, byte[]? photo = null, bool visible = true) =>
        SaveProfileAsync(member.Browser, new Dictionary<string, string>
        {
            ["DisplayName"] = member.Name,
            ["Function"] = "Klantmanager werk en inkomen",
            ["Bio"] = "Ik help werkzoekenden aan een baan.",
            ["VisibleToColleagues"] = visible ? "true" : "false",
        }, photo ?? TestImages.JpegWithGps(400, 300));

    /// <summary>Files under the site's file store (App_Data/files) for an account's photos.</summary>
    public static string[] PhotoFiles(AcademyFactory factory, string userId)
    {
        var folder = Path.Combine(factory.AppDataPath, "files", "profiles", userId);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>Every text value in every table of the database (not just the model's) containing one of <paramref name="needles"/>.</summary>
    public static async Task<List<string>> DatabaseValuesContainingAsync(AcademyFactory factory, params string[] needles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var postgres = db.Database.IsNpgsql();
        var tables = await db.Database.SqlQueryRaw<string>(postgres
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToListAsync();
        Assert.Contains("AspNetUsers", tables);
        Assert.True(tables.Count > 20, $"only {tables.Count} tables");
        var hits = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    var text = value switch
                    {
                        string s => s,
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        _ => null,
                    };
                    if (text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        hits.Add($"{table}.{reader.GetName(i)}: {text[..Math.Min(text.Length, 200)]}");
                    }
                }
            }
        }
        return hits;
    }
}
