using Academy.Core.Modules;
using Academy.Media.Abstractions;
using Academy.Media.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Media;

/// <summary>Image processing for uploads (profile photos, community files): decode with limits, strip metadata, WebP.</summary>
public sealed class MediaStartup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IImageProcessor, ImageSharpProcessor>();
    }
}
