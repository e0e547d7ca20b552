using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Web.Features.Documents;

namespace Trajet.Tests.Features.Documents;

public sealed class DocumentValidityTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private readonly DocumentValidity rules = new();

    [Fact]
    public void SupportLetter_IsValidForSixMonthsFromIssue()
    {
        var issued = new DateOnly(2026, 1, 10);

        Assert.Equal(new DateOnly(2026, 7, 10), rules.ValidUntil(DocumentType.SupportLetter, issued, null));
        Assert.Equal(DocumentStatus.ExpiringSoon, rules.StatusOn(DocumentType.SupportLetter, issued, null, Today));
        Assert.Equal(DocumentStatus.Valid, rules.StatusOn(DocumentType.SupportLetter, issued, null, new DateOnly(2026, 6, 9)));
        Assert.Equal(DocumentStatus.ExpiringSoon, rules.StatusOn(DocumentType.SupportLetter, issued, null, new DateOnly(2026, 7, 10)));
        Assert.Equal(DocumentStatus.Expired, rules.StatusOn(DocumentType.SupportLetter, issued, null, new DateOnly(2026, 7, 11)));
    }

    [Fact]
    public void ExplicitExpiryDate_WinsOverTheTypesValidity()
    {
        var issued = new DateOnly(2026, 1, 10);

        Assert.Equal(new DateOnly(2027, 1, 10), rules.ValidUntil(DocumentType.SupportLetter, issued, new DateOnly(2027, 1, 10)));
        Assert.Equal(DocumentStatus.Valid, rules.StatusOn(DocumentType.SupportLetter, issued, new DateOnly(2027, 1, 10), new DateOnly(2026, 8, 1)));
    }

    [Theory]
    [InlineData("2026-07-16", DocumentStatus.Valid)]        // 31 days ahead
    [InlineData("2026-07-15", DocumentStatus.ExpiringSoon)] // 30 days ahead
    [InlineData("2026-06-15", DocumentStatus.ExpiringSoon)] // its last day
    [InlineData("2026-06-14", DocumentStatus.Expired)]
    public void Status_CountsThirtyDaysAsSoon(string expiry, DocumentStatus expected) =>
        Assert.Equal(expected, rules.StatusOn(DocumentType.IdentityPaper, new DateOnly(2020, 1, 1), DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void DocumentWithoutExpiry_OfATypeWithoutValidity_StaysValid()
    {
        Assert.Null(rules.ValidUntil(DocumentType.Decision, new DateOnly(2010, 1, 1), null));
        Assert.Equal(DocumentStatus.Valid, rules.StatusOn(DocumentType.Decision, new DateOnly(2010, 1, 1), null, Today));
    }

    [Fact]
    public void ValidityMonths_AreConfigurablePerType()
    {
        var configured = new DocumentValidity(new Dictionary<DocumentType, int> { [DocumentType.SupportLetter] = 3, [DocumentType.SchoolCertificate] = 12 });

        Assert.Equal(new DateOnly(2026, 4, 10), configured.ValidUntil(DocumentType.SupportLetter, new DateOnly(2026, 1, 10), null));
        Assert.Equal(new DateOnly(2027, 1, 10), configured.ValidUntil(DocumentType.SchoolCertificate, new DateOnly(2026, 1, 10), null));
    }

    [Fact]
    public void ValidityMonths_AreReadFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Documents:ValidityMonths:support-letter"] = "3",
            ["Documents:ValidityMonths:school-certificate"] = "12",
        }).Build();

        var configured = new ServiceCollection().AddTrajetDocuments(configuration).BuildServiceProvider().GetRequiredService<DocumentValidity>();

        Assert.Equal(3, configured.MonthsFor(DocumentType.SupportLetter));
        Assert.Equal(12, configured.MonthsFor(DocumentType.SchoolCertificate));
        Assert.Null(configured.MonthsFor(DocumentType.Decision));
    }

    [Fact]
    public void ValidityMonths_ForAnUnknownType_StopTheStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:ValidityMonths:passport"] = "3" }).Build();

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTrajetDocuments(configuration));
    }

    [Theory]
    [InlineData("expiryDate", "support-letter", "2026-01-10", "2026-01-09")]
    [InlineData("issueDate", "support-letter", "2026-06-16", null)]
    [InlineData("issueDate", "support-letter", null, null)]
    [InlineData("type", "passport", "2026-01-10", null)]
    [InlineData("type", null, "2026-01-10", null)]
    public void Validate_NamesTheWrongField(string field, string? type, string? issue, string? expiry)
    {
        var errors = DocumentValidity.Validate(type, "Letter", Parse(issue), Parse(expiry), null, Today);

        Assert.Equal([field], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_AcceptsADocumentIssuedToday()
    {
        Assert.Empty(DocumentValidity.Validate("laissez-passer", "Laissez-passer", Today, Today.AddDays(30), null, Today));
    }

    [Theory]
    [InlineData("%PDF-1.7\n", "application/pdf")]
    [InlineData("\u0089PNG\r\n\u001a\n", "image/png")]
    [InlineData("\u00ff\u00d8\u00ff\u00e0", "image/jpeg")]
    [InlineData("Hello, I am text", null)]
    [InlineData("", null)]
    public void FileSignature_ReadsTheContentNotTheName(string header, string? contentType) =>
        Assert.Equal(contentType, FileSignature.Detect(header.Select(c => (byte)c).ToArray())?.ContentType);

    [Theory]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData(@"C:\scans\Décision ÖVP.PDF", "Décision ÖVP.pdf")]
    [InlineData("letter.exe", "letter.pdf")]
    [InlineData("<script>.pdf", "_script_.pdf")]
    [InlineData("", "document.pdf")]
    public void SafeName_KeepsOnlyHarmlessCharacters(string clientName, string expected) =>
        Assert.Equal(expected, FileSignature.SafeName(clientName, FileSignature.Pdf));

    private static DateOnly? Parse(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
