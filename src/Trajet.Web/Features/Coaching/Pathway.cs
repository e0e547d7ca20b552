using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Coaching;

/// <summary>The three trajectories of individual coaching (SPEC §1.2).</summary>
public enum Pathway
{
    /// <summary>1: legal stay possible; the person files the procedure themself.</summary>
    LegalStay = 1,
    /// <summary>2: legal stay not possible; options to avoid forced return, (voluntary) return, return partners.</summary>
    VoluntaryReturn = 2,
    /// <summary>3: no stay possible and voluntary return refused; consequences explained, accompaniment closed.</summary>
    ReturnRefused = 3,
}

/// <summary>A dated pathway decision of a case, with its reasons; the latest one is the case's pathway.</summary>
public sealed class PathwayDecision : IProgrammeRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProgrammeId { get; set; }
    public Pathway Pathway { get; set; }
    public DateOnly Date { get; set; }
    public required string Reasons { get; set; }
    /// <summary>Pathway 1: which procedure.</summary>
    public string? Procedure { get; set; }
    /// <summary>Pathway 1: the information given on the procedure.</summary>
    public string? InformationGiven { get; set; }
    /// <summary>Pathway 1: the person was told they file it themself.</summary>
    public bool PersonFilesThemself { get; set; }
    /// <summary>Pathway 2: the options to avoid a forced return that were explained.</summary>
    public string? OptionsExplained { get; set; }
    /// <summary>Pathway 2: the return partner the person was referred to.</summary>
    public Guid? ReturnPartnerId { get; set; }
    /// <summary>Pathway 3: how the consequences were explained (the record that allows closing).</summary>
    public string? ConsequencesExplained { get; set; }
    public bool ForcedReturnExplained { get; set; }
    public bool EntryBanExplained { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = Clock.UtcNow;

    public bool ConsequencesRecorded => PathwayRules.ConsequencesRecorded(ConsequencesExplained, ForcedReturnExplained, EntryBanExplained);
}

/// <summary>The coaching side of a case: the desk that follows it (hence its region) and its current pathway, kept for counting.</summary>
public sealed class CoachingFile
{
    public Guid CaseId { get; set; }
    public Guid? DeskId { get; set; }
    public Pathway? Pathway { get; set; }
    public DateOnly? PathwayOn { get; set; }
}

/// <summary>What a pathway decision must record, and when a case may be closed on it. Pure.</summary>
public static class PathwayRules
{
    /// <summary>What the form and the API send; the API also takes the pathway's number, "1" to "3".</summary>
    public sealed record Decision
    {
        [JsonConverter(typeof(PathwayJson))]
        public Pathway? Pathway { get; init; }
        public DateOnly? Date { get; init; }
        public string? Reasons { get; init; }
        public string? Procedure { get; init; }
        public string? InformationGiven { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool PersonFilesThemself { get; init; }
        public string? OptionsExplained { get; init; }
        public Guid? ReturnPartnerId { get; init; }
        public string? ConsequencesExplained { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool ForcedReturnExplained { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool EntryBanExplained { get; init; }
        /// <summary>On pathway 3, closes the accompaniment in the same step.</summary>
        [JsonConverter(typeof(NullIsFalse))]
        public bool Close { get; init; }
    }

    /// <summary>"legal-stay", "voluntary-return", "return-refused", or the pathway's number as a string.</summary>
    public sealed class PathwayJson : JsonConverter<Pathway>
    {
        public override Pathway Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } text
                ? text is "1" or "2" or "3" ? (Pathway)(text[0] - '0') : KebabEnum.TryParse<Pathway>(text, out var named) ? named : throw new JsonException()
                : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, Pathway value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToKebab());
    }

    public static bool ConsequencesRecorded(string? explanation, bool forcedReturn, bool entryBan) =>
        !string.IsNullOrWhiteSpace(explanation) && forcedReturn && entryBan;

    /// <summary>A case on pathway 3 is closed only once the consequences of refusing return are recorded as explained.</summary>
    public static bool BlocksClosure(Pathway? current, bool consequencesRecorded) => current == Pathway.ReturnRefused && !consequencesRecorded;

    public static List<FieldError> Validate(Decision d, bool caseClosed, DateOnly referralDate, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (caseClosed)
        {
            errors.Add(new("pathway", "The case is closed: its pathway can no longer change."));
            return errors;
        }
        if (d.Pathway is null)
        {
            errors.Add(new("pathway", "Choose the pathway."));
        }
        if (d.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "The date cannot be in the future."));
        }
        else if (date < referralDate)
        {
            errors.Add(new("date", "The date cannot be before the referral."));
        }
        Required(errors, "reasons", d.Reasons, 2000, "Give the reasons for the decision.");
        switch (d.Pathway)
        {
            case Pathway.LegalStay:
                Required(errors, "procedure", d.Procedure, 300, "Say which procedure the person can file.");
                Required(errors, "informationGiven", d.InformationGiven, 4000, "Record the information given on the procedure.");
                if (!d.PersonFilesThemself)
                {
                    errors.Add(new("personFilesThemself", "Confirm that the person was told to file the procedure themself."));
                }
                break;
            case Pathway.VoluntaryReturn:
                Required(errors, "optionsExplained", d.OptionsExplained, 4000, "Record the options to avoid a forced return that were explained.");
                break;
            case Pathway.ReturnRefused:
                var anyGiven = !string.IsNullOrWhiteSpace(d.ConsequencesExplained) || d.ForcedReturnExplained || d.EntryBanExplained;
                if (d.Close || anyGiven)
                {
                    Required(errors, "consequencesExplained", d.ConsequencesExplained, 4000, "Record how the consequences of refusing voluntary return were explained.");
                    if (!d.ForcedReturnExplained)
                    {
                        errors.Add(new("forcedReturnExplained", "Confirm that the risk of a forced return was explained."));
                    }
                    if (!d.EntryBanExplained)
                    {
                        errors.Add(new("entryBanExplained", "Confirm that the possible entry ban was explained."));
                    }
                }
                break;
        }
        if (d.Close && d.Pathway is not Pathway.ReturnRefused)
        {
            errors.Add(new("close", "Only a pathway 3 decision closes the accompaniment; close other cases from their status."));
        }
        return errors;
    }

    private static void Required(List<FieldError> errors, string field, string? text, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, message));
        }
        else if (text.Length > max)
        {
            errors.Add(new(field, $"At most {max} characters."));
        }
    }
}

public sealed class PathwayDecisionConfiguration : IEntityTypeConfiguration<PathwayDecision>
{
    public void Configure(EntityTypeBuilder<PathwayDecision> p)
    {
        p.ToTable("PathwayDecisions");
        p.Property(x => x.Reasons).HasMaxLength(2000);
        p.Property(x => x.Procedure).HasMaxLength(300);
        p.Property(x => x.InformationGiven).HasMaxLength(4000);
        p.Property(x => x.OptionsExplained).HasMaxLength(4000);
        p.Property(x => x.ConsequencesExplained).HasMaxLength(4000);
        p.Ignore(x => x.ConsequencesRecorded);
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.CaseId, x.Date });
        p.Property(x => x.Reasons).IsConfidential();
        p.Property(x => x.InformationGiven).IsConfidential();
        p.Property(x => x.OptionsExplained).IsConfidential();
        p.Property(x => x.ConsequencesExplained).IsConfidential();
    }
}

public sealed class CoachingFileConfiguration : IEntityTypeConfiguration<CoachingFile>
{
    public void Configure(EntityTypeBuilder<CoachingFile> f)
    {
        f.ToTable("CoachingFiles");
        f.HasKey(x => x.CaseId);
        f.HasOne<Case>().WithOne().HasForeignKey<CoachingFile>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<Desk>().WithMany().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.SetNull);
        f.HasIndex(x => x.DeskId);
    }
}
