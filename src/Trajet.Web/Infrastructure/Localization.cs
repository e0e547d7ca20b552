using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Trajet.Web.Infrastructure;

public static class Localization
{
    public static readonly string[] Cultures = ["fr", "nl", "en"];

    // A reader's culture: its texts, and its day and month names as written in Belgium (English: British).
    private static readonly Dictionary<string, CultureInfo> Readers = new()
    {
        ["fr"] = CultureInfo.GetCultureInfo("fr-BE"),
        ["nl"] = CultureInfo.GetCultureInfo("nl-BE"),
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
    };

    /// <summary>The culture of a text written for a reader of <paramref name="language"/> (fr, nl, en; English otherwise).</summary>
    public static CultureInfo ReaderCulture(string language) => Readers.GetValueOrDefault(language) ?? Readers["en"];

    /// <summary>The language of <paramref name="culture"/> if Trajet speaks it, else English.</summary>
    public static string LanguageOf(CultureInfo culture) =>
        Cultures.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : "en";

    /// <summary>
    /// Writes a text for a reader of <paramref name="language"/> (a letter, a mail) whatever the language of the request:
    /// the localizer reads the current UI culture, which is the reader's while <paramref name="write"/> runs.
    /// </summary>
    public static T InLanguage<T>(string language, Func<T> write)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = ReaderCulture(language);
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

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
