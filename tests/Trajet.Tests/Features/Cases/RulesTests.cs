using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Tests.Features.Cases;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Ségolène  N'Diaye", "segolene n'diaye")]
    [InlineData("AÏSSATOU", "aissatou")]
    [InlineData(" El-Amrani ", "el amrani")]
    [InlineData("", "")]
    public void Normalize_DropsAccentsCaseAndExtraSpaces(string name, string expected) =>
        Assert.Equal(expected, NameKey.Normalize(name));

    [Fact]
    public void ForPerson_HoldsBothNameOrders() =>
        Assert.Equal("lusine petrosyan | petrosyan lusine", NameKey.ForPerson("Lusine", "Petrosyan"));
}

public sealed class MemberRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static MemberRules.Input Valid => new(MemberRole.Parent, "Lusine", "Petrosyan", Gender.Female, new DateOnly(1986, 4, 2), null, "AM", ["hy", "ru"]);

    [Fact]
    public void Validate_ValidParent_HasNoError() => Assert.Empty(MemberRules.Validate(Valid, Today));

    [Theory]
    [InlineData("stateless")]
    [InlineData("unknown")]
    [InlineData("ER")]
    public void Validate_AcceptsIsoCountriesStatelessAndUnknown(string nationality) =>
        Assert.Empty(MemberRules.Validate(Valid with { Nationality = nationality }, Today));

    [Theory]
    [InlineData(2008, 11, 23)] // 17, turning 18 tomorrow
    [InlineData(2008, 11, 22)] // 18 today
    [InlineData(1990, 1, 1)] // a grown-up son
    public void Validate_ASonOrDaughter_IsAChildAtAnyAge(int year, int month, int day) =>
        Assert.Empty(MemberRules.Validate(Valid with { Role = MemberRole.Child, BirthDate = new DateOnly(year, month, day) }, Today));

    [Fact]
    public void Validate_AChildOfAnyEstimatedAge_IsAccepted() =>
        Assert.Empty(MemberRules.Validate(Valid with { Role = MemberRole.Child, BirthDate = null, EstimatedAge = 24 }, Today));

    [Fact]
    public void Validate_CollectsEveryBadField()
    {
        var errors = MemberRules.Validate(new MemberRules.Input(null, "", " ", null, Today.AddDays(1), 130, "XX", ["xx"]), Today);
        Assert.Equal(["role", "firstName", "lastName", "birthDate", "estimatedAge", "nationality", "languages"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(2000, 1, 1, 26)]
    [InlineData(2000, 11, 22, 26)]
    [InlineData(2000, 11, 23, 25)]
    public void AgeOn_CountsBirthdays(int year, int month, int day, int age) =>
        Assert.Equal(age, MemberRules.AgeOn(new DateOnly(year, month, day), null, Today));

    [Theory]
    [InlineData(2026, 6, 30)]
    [InlineData(2027, 2, 28)] // someone born on 29 February 2008 is 19 on 28 February 2027
    [InlineData(2028, 2, 29)]
    [InlineData(2026, 3, 1)]
    public void LatestBirthDateForAge_SplitsBirthDatesExactlyAsAgeOnDoes(int year, int month, int day)
    {
        var on = new DateOnly(year, month, day);
        foreach (var age in new[] { 1, 6, 18, 19, 20, 60 })
        {
            var limit = MemberRules.LatestBirthDateForAge(on, age);
            // Every birth date around the limit, within two weeks: reached the age exactly when born on or before it.
            for (var born = limit.AddDays(-14); born <= limit.AddDays(14); born = born.AddDays(1))
            {
                Assert.Equal(MemberRules.AgeOn(born, null, on) >= age, born <= limit);
            }
        }
    }
}

public sealed class AccountRulesTests
{
    private static readonly Guid Org = Guid.NewGuid();

    [Fact]
    public void Administrator_WithoutOrganisation_IsValid() =>
        Assert.Empty(AccountRules.Validate([Roles.Administrator], null, []));

    [Fact]
    public void Administrator_InAnOrganisation_IsRefused() =>
        Assert.Equal(["roles"], AccountRules.Validate([Roles.Administrator], Org, []).Select(e => e.Field));

    [Fact]
    public void CaseManager_WithoutOrganisation_IsRefused() =>
        Assert.Equal(["organisationId"], AccountRules.Validate([Roles.CaseManager], null, []).Select(e => e.Field));

    [Fact]
    public void Programme_OfAnotherOrganisation_IsRefused() =>
        Assert.Equal(["programmeIds"], AccountRules.Validate([Roles.CaseManager], Org, [Guid.NewGuid()]).Select(e => e.Field));
}

public sealed class KebabEnumTests
{
    [Fact]
    public void ToKebab_WritesApiNames()
    {
        Assert.Equal("dont-know", RiskLevel.DontKnow.ToKebab());
        Assert.Equal("self", ReferralSource.Self.ToKebab());
    }

    [Fact]
    public void Parse_UnknownValue_NamesTheField()
    {
        var errors = new List<FieldError>();
        Assert.Null(KebabEnum.Parse<RiskLevel>("DontKnow", "referral.riskAtIntake", errors));
        Assert.Equal("referral.riskAtIntake", Assert.Single(errors).Field);
    }
}
