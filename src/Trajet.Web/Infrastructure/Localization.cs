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

    public static IMvcBuilder AddTrajetViewLocalization(this IMvcBuilder mvc)
    {
        mvc.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) => LocalizeBindingMessages(o, factory.Create(typeof(SharedResource))));
        return mvc.AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    }

    /// <summary>
    /// Model binding's own messages ("The value 'x' is not valid for Date.") in the user's language, read when the
    /// error is made. They leave the field's name out: the message stands beside its field.
    /// </summary>
    private static void LocalizeBindingMessages(MvcOptions options, IStringLocalizer l)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["The value '{0}' is not valid.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetValueMustNotBeNullAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["The value is not valid."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
        messages.SetValueMustBeANumberAccessor(_ => l["Enter a number."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Enter a number."]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["A value is required."]);
        messages.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["A value is required."]);
    }
}
