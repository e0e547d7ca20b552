namespace Trajet.Web.Features.Accounts;

/// <summary>
/// An administrator or coordinator who has not enrolled an authenticator app reaches nothing but
/// the enrolment: every page redirects to it, every API call answers 403.
/// </summary>
public static class TwoFactorEnforcement
{
    public const string EnrolPath = "/Accounts/EnrolAuthenticator";

    // Enrolment, sign-in and sign-out, the language switch, error pages, Identity's own endpoints
    // (login, refresh, manage/2fa to enrol through the API) and who am I. Static files are served earlier.
    private static readonly string[] Open =
        [EnrolPath, "/Accounts/Login", "/Accounts/LoginWithCode", "/Accounts/Logout", "/Culture", "/Error", "/Status", "/health", "/api/auth", "/api/me"];

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !Open.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
                && await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.RequestAborted) is { MustEnrolTwoFactor: true })
            {
                if (context.Request.IsApi())
                {
                    await Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Two-factor enrolment is required.",
                        detail: $"Your role requires signing in with an authenticator app: enrol one at {EnrolPath} or through POST /api/auth/manage/2fa, then sign in again.",
                        extensions: new Dictionary<string, object?> { ["code"] = "two-factor-enrolment-required" })
                        .ExecuteAsync(context);
                }
                else
                {
                    context.Response.Redirect(EnrolPath);
                }
                return;
            }
            await next(context);
        });
}
