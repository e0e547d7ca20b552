using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Security;

/// <summary>
/// An unexpected error shows a reference, never a stack trace or the exception's message, in every environment but
/// Development: here Production, with a clock that fails inside the deadline list for a request carrying <see cref="FailingApp.Header"/>.
/// </summary>
public sealed class ErrorDisclosureTests(ErrorDisclosureTests.FailingApp app) : IClassFixture<ErrorDisclosureTests.FailingApp>
{
    public sealed class FailingApp() : TrajetApp(DatabaseProvider.Sqlite)
    {
        public const string Header = "X-Test-Fail";
        public const string Secret = "secret-detail-of-the-failure";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(p => new FailingClock(p.GetRequiredService<IHttpContextAccessor>())));
        }
    }

    private sealed class FailingClock(IHttpContextAccessor accessor) : TimeProvider
    {
        // Fails in the endpoint (once the user is known), not while signing in, nor on the error page itself.
        public override DateTimeOffset GetUtcNow() => Fails(accessor.HttpContext) ? throw new InvalidOperationException(FailingApp.Secret) : base.GetUtcNow();

        private static bool Fails(HttpContext? context) =>
            context is not null && context.Request.Headers.ContainsKey(FailingApp.Header) && context.User.Identity?.IsAuthenticated == true
            && (context.Request.Path.StartsWithSegments("/Deadlines") || context.Request.Path.StartsWithSegments("/api/deadlines"));
    }

    [Fact]
    public async Task ApiError_IsA500ProblemWithAReference_AndNoStackTrace()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        api.DefaultRequestHeaders.Add(FailingApp.Header, "1");

        using var response = await api.GetAsync("/api/deadlines");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", body);
        Assert.DoesNotContain(FailingApp.Secret, body);
        Assert.False(HostileInputTests.LooksLikeStackTrace(body), body);
    }

    [Fact]
    public async Task PageError_ShowsTheErrorPageWithAReference_AndNoStackTrace()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.CaseManager, organisation, programme));
        browser.DefaultRequestHeaders.Add(FailingApp.Header, "1");

        using var response = await browser.GetAsync("/Deadlines");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<code>", body);
        Assert.DoesNotContain(FailingApp.Secret, body);
        Assert.False(HostileInputTests.LooksLikeStackTrace(body), body);
    }
}
