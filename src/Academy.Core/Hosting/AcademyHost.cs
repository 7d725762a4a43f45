using System.Globalization;
using System.Reflection;
using Academy.Core.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace Academy.Core.Hosting;

/// <summary>Composes the site from the modules the host picked, in their Order.</summary>
public static class AcademyHost
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static WebApplicationBuilder AddAcademy(this WebApplicationBuilder builder, params ModuleStartup[] modules)
    {
        var ordered = modules.OrderBy(m => m.Order).ToArray();
        builder.Services.AddSingleton<IReadOnlyList<ModuleStartup>>(ordered);
        foreach (var module in ordered)
        {
            module.ConfigureServices(builder.Services, builder.Configuration);
        }

        var mvc = builder.Services.AddControllersWithViews().AddViewLocalization();
        Academy.Core.Security.QuietTempData.Install(builder.Services);
        foreach (var assembly in ordered.Select(m => m.GetType().Assembly).Distinct())
        {
            mvc.ConfigureApplicationPartManager(apm =>
            {
                if (apm.ApplicationParts.OfType<AssemblyPart>().All(p => p.Assembly != assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        apm.ApplicationParts.Add(part);
                    }
                }
            });
        }
        builder.Services.AddLocalization();
        // Dutch text (ë, ï, é, €) is written as characters, not as numeric entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "academy.af";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        Academy.Core.Security.KeptFormTokens.Install(builder.Services);
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.Add(new HeadForGetConvention());
        });
        // Behind a TLS-terminating proxy (trusted: loopback by default, more via Academy:KnownProxies) the
        // original scheme and client address count, so cookies get the Secure flag and links say https.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Academy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddOutputCache();
        builder.Services.AddSingleton<AssetVersions>();
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IDeveloperPageExceptionFilter, NoDeveloperExceptionPage>();
        return builder;
    }

    public static WebApplication UseAcademy(this WebApplication app)
    {
        var modules = app.Services.GetRequiredService<IReadOnlyList<ModuleStartup>>();
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        // In every environment, Development included: a failure is logged and shows the themed error page, never a
        // stack trace. Bad input that escaped BadRequestHandling still gets its 4xx rather than a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fout/500",
            StatusCodeSelector = e => BadRequestHandling.StatusFor(e) ?? StatusCodes.Status500InternalServerError,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Dutch),
            SupportedCultures = [Dutch],
            SupportedUICultures = [Dutch],
        });
        foreach (var assembly in modules.Select(m => m.GetType().Assembly).Distinct())
        {
            UseEmbeddedAssets(app, assembly);
        }
        app.UseRouting();
        // After routing, so an endpoint's form limits apply when the form is read.
        app.UseMiddleware<BadRequestHandling>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        // After routing, so the endpoint's [EnableRateLimiting] policy (ClientThrottle) is known.
        app.UseRateLimiter();
        foreach (var module in modules)
        {
            module.Configure(app);
        }
        app.MapHealthChecks("/healthz");
        foreach (var module in modules)
        {
            module.MapRoutes(app);
        }
        app.MapControllers();
        // Hands the endpoints to link generation now rather than when the server starts: the setup recipe and the
        // `recipe run` command build addresses from named routes before (or without) a running server.
        app.UseEndpoints(_ => { });
        return app;
    }

    /// <summary>A module's assets folder is embedded in its assembly and served under /assets/{module}/ with long caching.</summary>
    private static void UseEmbeddedAssets(WebApplication app, Assembly assembly)
    {
        if (assembly.GetManifestResourceNames().All(n => n != "Microsoft.Extensions.FileProviders.Embedded.Manifest.xml"))
        {
            return;
        }
        var name = assembly.GetName().Name!.Replace("Academy.", "", StringComparison.Ordinal).Replace('.', '-').ToLowerInvariant();
        var provider = new ManifestEmbeddedFileProvider(assembly, "assets");
        app.Services.GetRequiredService<AssetVersions>().Register("/assets/" + name, provider);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = provider,
            RequestPath = "/assets/" + name,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] =
                ctx.Context.Request.Query.ContainsKey("v") ? "public,max-age=31536000,immutable" : "public,max-age=3600",
        });
    }
}
