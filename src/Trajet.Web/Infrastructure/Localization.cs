using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Trajet.Web.Infrastructure;

public static class Localization
{
    public static readonly string[] Cultures = ["fr", "nl", "en"];

    public static IServiceCollection AddTrajetLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            // The user's explicit choice (cookie) wins over the browser's Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>English pages with European dates (31/01/2026), as the Belgian and French teams write them.</summary>
    public static IApplicationBuilder UseEuropeanEnglishFormats(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (CultureInfo.CurrentCulture.Name == "en")
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            }
            return next(context);
        });

    public static IMvcBuilder AddTrajetViewLocalization(this IMvcBuilder mvc) =>
        mvc.AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
}
