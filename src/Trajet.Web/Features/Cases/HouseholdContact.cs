using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Cases;

/// <summary>
/// Where the household lives and how to reach them, for home visits: encrypted at rest, never shown to evaluators,
/// in no report; in no e-mail but the invitation letter sent to the person's own address; exported only in the person's own subject-access file and the whole-organisation archive.
/// </summary>
public sealed class HouseholdContact
{
    public Guid CaseId { get; set; }
    public string? Address { get; set; }
    /// <summary>The day someone last checked the family still lives there.</summary>
    public DateOnly? AddressConfirmedOn { get; set; }
    /// <summary>One number a line, the first the one to call.</summary>
    public string? Phones { get; set; }
    /// <summary>The person's own address, given by them: the invitation letter is e-mailed there only with their consent.</summary>
    public string? Email { get; set; }
    public DateTime UpdatedAt { get; set; } = Clock.UtcNow;
}

/// <summary>The household's contact details as the API and the case page show them.</summary>
public sealed record ContactDto(string? Address, DateOnly? AddressConfirmedOn, string? Phone, IReadOnlyList<string> OtherPhones, string? Email)
{
    public static readonly ContactDto None = new(null, null, null, [], null);

    public static ContactDto From(HouseholdContact c)
    {
        var phones = (c.Phones ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new(c.Address, c.AddressConfirmedOn, phones.FirstOrDefault(), phones.Skip(1).ToList(), c.Email);
    }
}

public sealed class HouseholdContactConfiguration : IEntityTypeConfiguration<HouseholdContact>
{
    public void Configure(EntityTypeBuilder<HouseholdContact> c)
    {
        c.ToTable("HouseholdContacts");
        c.HasKey(x => x.CaseId);
        c.HasOne<Case>().WithOne().HasForeignKey<HouseholdContact>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.Property(x => x.Address).IsConfidential();
        c.Property(x => x.Phones).IsConfidential();
        c.Property(x => x.Email).IsConfidential();
    }
}
