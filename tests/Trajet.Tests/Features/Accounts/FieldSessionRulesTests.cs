using Trajet.Web.Features.Accounts;

namespace Trajet.Tests.Features.Accounts;

public sealed class FieldSessionRulesTests
{
    [Theory]
    [InlineData(new[] { Roles.OutreachWorker }, true)]
    [InlineData(new[] { Roles.Mediator }, true)]
    [InlineData(new[] { Roles.CaseManager }, true)]
    [InlineData(new[] { Roles.Coordinator, Roles.CaseManager }, true)]
    [InlineData(new[] { Roles.Coordinator }, false)]
    [InlineData(new[] { Roles.Administrator }, false)]
    [InlineData(new[] { Roles.Evaluator }, false)]
    [InlineData(new[] { Roles.Evaluator, Roles.CaseManager }, false)]
    [InlineData(new string[0], false)]
    public void MayHave_FieldRolesOnly_NeverAdministratorsNorEvaluators(string[] roles, bool expected) =>
        Assert.Equal(expected, FieldSessions.MayHave(roles));

    [Fact]
    public void Settings_EndOf_IsTheHardCapFromSignIn()
    {
        var settings = FieldSessions.Settings.From(idleTimeoutMinutes: 240, sessionHours: 10);

        Assert.Equal(TimeSpan.FromHours(4), settings.IdleTimeout);
        Assert.Equal(new DateTime(2026, 12, 7, 4, 0, 0, DateTimeKind.Utc), settings.EndOf(new DateTime(2026, 12, 6, 18, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void NewToken_Is256RandomBits_AndItsHashIsWhatIsStored()
    {
        var (token, hash) = DeviceToken.New();
        var (other, otherHash) = DeviceToken.New();

        Assert.Equal(43, token.Length);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, DeviceToken.HashOf(token));
        Assert.NotEqual(token, other);
        Assert.NotEqual(hash, otherHash);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42 characters
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padded
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*")] // not base64url
    public void HashOf_AnythingButAToken_IsNull(string? cookie) => Assert.Null(DeviceToken.HashOf(cookie));
}
