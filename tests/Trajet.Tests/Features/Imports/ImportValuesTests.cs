using System.Text;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Imports;

namespace Trajet.Tests.Features.Imports;

/// <summary>What people type in a spreadsheet, read as Trajet keeps it.</summary>
public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("Maroc", "MA")]
    [InlineData("marokko", "MA")]
    [InlineData(" Morocco ", "MA")]
    [InlineData("MA", "MA")]
    [InlineData("ma", "MA")]
    [InlineData("MAR", "MA")]
    [InlineData("Arménie", "AM")]
    [InlineData("Armenie", "AM")]
    [InlineData("Armenië", "AM")]
    [InlineData("Guinée", "GN")]
    [InlineData("Syrie", "SY")]
    [InlineData("Afghanistan", "AF")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("RD Congo", "CD")]
    [InlineData("apatride", "stateless")]
    [InlineData("Staatloos", "stateless")]
    [InlineData("stateless", "stateless")]
    [InlineData("inconnu", "unknown")]
    public void Countries_AreReadByCodeOrNameInThreeLanguages(string typed, string code) => Assert.Equal(code, ImportValues.Nationality(typed));

    [Theory]
    [InlineData("Atlantide")]
    [InlineData("")]
    public void AnUnknownCountry_IsNull(string typed) => Assert.Null(ImportValues.Nationality(typed));

    [Theory]
    [InlineData("arabe", "ar")]
    [InlineData("Arabisch", "ar")]
    [InlineData("Arabic", "ar")]
    [InlineData("ar", "ar")]
    [InlineData("français", "fr")]
    [InlineData("Russe", "ru")]
    [InlineData("Turks", "tr")]
    public void Languages_AreReadByCodeOrName(string typed, string code) => Assert.Equal(code, ImportValues.Language(typed));

    [Theory]
    [InlineData("2024-03-31", 2024, 3, 31)]
    [InlineData("31/03/2024", 2024, 3, 31)]
    [InlineData("1/3/2024", 2024, 3, 1)]
    [InlineData("31-03-2024", 2024, 3, 31)]
    [InlineData("31.03.2024", 2024, 3, 31)]
    [InlineData("32874", 1990, 1, 1)]
    public void Dates_AreReadInEitherOrder_OrAsASpreadsheetDayNumber(string typed, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ImportValues.Date(typed));

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    [InlineData("2024")]
    public void AnImpossibleDate_IsNull(string typed) => Assert.Null(ImportValues.Date(typed));

    [Fact]
    public void Choices_AreReadInThreeLanguages()
    {
        Assert.Equal(CaseKind.Family, ImportValues.Choice<CaseKind>("Famille"));
        Assert.Equal(CaseKind.Family, ImportValues.Choice<CaseKind>("gezin"));
        Assert.Equal(CaseKind.Individual, ImportValues.Choice<CaseKind>("individual"));
        Assert.Equal(Gender.Female, ImportValues.Choice<Gender>("Femme"));
        Assert.Equal(Gender.Female, ImportValues.Choice<Gender>("vrouw"));
        Assert.Equal(Gender.Male, ImportValues.Choice<Gender>("H"));
        Assert.Equal(MemberRole.Child, ImportValues.Choice<MemberRole>("enfant"));
        Assert.Equal(MemberRole.Child, ImportValues.Choice<MemberRole>("Kind"));
        Assert.Equal(MemberRole.Parent, ImportValues.Choice<MemberRole>("mère"));
        Assert.Equal(CaseStatus.Referred, ImportValues.Choice<CaseStatus>("Orienté"));
        Assert.Equal(CaseStatus.Closed, ImportValues.Choice<CaseStatus>("afgesloten"));
        Assert.Equal(ReferralSource.Community, ImportValues.Choice<ReferralSource>("Communauté"));
        Assert.Equal(ClosureOutcome.ResolvedVoluntaryReturn, ImportValues.Choice<ClosureOutcome>("resolved-voluntary-return"));
        Assert.Equal(Vulnerability.SoleCarer, ImportValues.Choice<Vulnerability>("sole-carer"));
        Assert.Null(ImportValues.Choice<Gender>("banana"));
    }

    [Fact]
    public void ACsv_WithSemicolonsABomAndBlankRows_KeepsTheSpreadsheetsRowNumbers()
    {
        var (sheet, problem) = ImportFile.Read(Encoding.UTF8.GetBytes("\uFEFFcase_ref;first_name\nA;Zoé\n\n B ;\"Jean; Paul\"\n;\n"));

        Assert.Null(problem);
        Assert.Equal(["case_ref", "first_name"], sheet!.Headers);
        Assert.Equal([(2, "A", "Zoé"), (4, "B", "Jean; Paul")], sheet.Rows.Select(r => (r.Number, r.Cells[0], r.Cells[1])).ToList());
    }

    [Fact]
    public void AFormula_StopsTheFile_ButAnEscapedOneIsText()
    {
        var (_, problem) = ImportFile.Read(Encoding.UTF8.GetBytes("case_ref,phone\nA,=1+1\n"));
        var (sheet, none) = ImportFile.Read(Encoding.UTF8.GetBytes("case_ref,phone\nA,'+32 470 12 34 56\n"));

        Assert.Equal(2, (int)problem!.Arguments[0]);
        Assert.Equal("phone", problem.Arguments[1]);
        Assert.Null(none);
        Assert.Equal("+32 470 12 34 56", sheet!.Rows[0].Cells[1]);
    }
}
