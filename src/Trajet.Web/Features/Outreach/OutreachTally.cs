using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// The dashboard's figures kept ready for one bucket: a programme, a period (a day, a month, a year or all time: the
/// grain, and the period's first day) and a breakdown key ("place" "Gare du Nord"). Kept in step with every save of
/// contacts and outcomes by <see cref="KeepOutreachTallies"/>; rebuilt from them by <see cref="OutreachTallies.RebuildSql"/>.
/// </summary>
public sealed class OutreachTally
{
    public Guid ProgrammeId { get; set; }
    public string Grain { get; set; } = OutreachTallies.Day;
    public DateOnly Period { get; set; }
    public string Dimension { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>Contacts in the bucket (for outcomes: the outcomes recorded).</summary>
    public int Contacts { get; set; }
    /// <summary>Of which anonymous (each counts as one person).</summary>
    public int Anonymous { get; set; }
    /// <summary>Distinct known people: the bucket's <see cref="OutreachPersonTally"/> rows with contacts.</summary>
    public int Known { get; set; }
}

/// <summary>
/// The contacts of one known person in a bucket: distinct people do not add up across buckets, so a range made of
/// several periods counts the distinct people of these rows, and a bucket's <see cref="OutreachTally.Known"/> moves
/// when a row's count leaves or reaches zero (the row is then deleted: a row is a person in the bucket).
/// </summary>
public sealed class OutreachPersonTally
{
    public Guid ProgrammeId { get; set; }
    public string Grain { get; set; } = OutreachTallies.Day;
    public DateOnly Period { get; set; }
    public string Dimension { get; set; } = "";
    public string Key { get; set; } = "";
    public Guid PersonId { get; set; }
    public int Contacts { get; set; }
}

public sealed class OutreachTallyConfiguration : IEntityTypeConfiguration<OutreachTally>
{
    public void Configure(EntityTypeBuilder<OutreachTally> t)
    {
        t.ToTable("OutreachTallies");
        t.HasKey(x => new { x.ProgrammeId, x.Grain, x.Period, x.Dimension, x.Key });
        t.Property(x => x.Grain).HasMaxLength(1);
        t.Property(x => x.Dimension).HasMaxLength(20);
        t.Property(x => x.Key).HasMaxLength(200);
    }
}

public sealed class OutreachPersonTallyConfiguration : IEntityTypeConfiguration<OutreachPersonTally>
{
    public void Configure(EntityTypeBuilder<OutreachPersonTally> t)
    {
        t.ToTable("OutreachPersonTallies");
        t.HasKey(x => new { x.ProgrammeId, x.Grain, x.Period, x.Dimension, x.Key, x.PersonId });
        t.Property(x => x.Grain).HasMaxLength(1);
        t.Property(x => x.Dimension).HasMaxLength(20);
        t.Property(x => x.Key).HasMaxLength(200);
    }
}

/// <summary>What a contact or an outcome counts in, and how a save's changes move the tallies.</summary>
public static class OutreachTallies
{
    public const string All = "A", Year = "Y", Month = "M", Day = "D";
    public static readonly IReadOnlyList<string> Grains = [All, Year, Month, Day];

    /// <summary>The breakdowns. "all" has the one key ""; "flag" counts contacts only (follow-up, mediator), no people.</summary>
    public const string Total = "all", Flag = "flag", Place = "place", Nationality = "nationality", Language = "language",
        Topic = "topic", Orientation = "orientation", Outcome = "outcome";

    public const string FollowUp = "follow-up", Mediator = "mediator";

    /// <summary>The first day of the period of <paramref name="grain"/> that holds <paramref name="date"/>; all time is DateOnly.MinValue.</summary>
    public static DateOnly PeriodOf(string grain, DateOnly date) => grain switch
    {
        All => DateOnly.MinValue,
        Year => new(date.Year, 1, 1),
        Month => new(date.Year, date.Month, 1),
        _ => date,
    };

    public readonly record struct Fact(Guid ProgrammeId, DateOnly Date, Guid? PersonId, string Dimension, string Key);

    /// <summary>The buckets a contact counts in (topics and orientations as stored: comma lists of kebab-case names).</summary>
    public static IEnumerable<Fact> OfContact(Guid programmeId, DateOnly date, Guid? personId, string place, string nationality, string? language,
        string informationGiven, string orientation, bool followUp, bool mediator)
    {
        Fact F(string dimension, string key) => new(programmeId, date, personId, dimension, key);
        yield return F(Total, "");
        if (followUp)
        {
            yield return F(Flag, FollowUp);
        }
        if (mediator)
        {
            yield return F(Flag, Mediator);
        }
        yield return F(Place, place);
        yield return F(Nationality, nationality);
        yield return F(Language, language ?? Codes.Unknown);
        foreach (var topic in Listed<InformationTopic>(informationGiven))
        {
            yield return F(Topic, topic);
        }
        foreach (var service in Listed<OrientationService>(orientation))
        {
            yield return F(Orientation, service);
        }
    }

    // The enum's names found in a stored comma list, each once, matched exactly as the rebuild's SQL does.
    private static IEnumerable<string> Listed<T>(string? stored) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => v.ToKebab()).Where(k => ("," + stored + ",").Contains("," + k + ",", StringComparison.Ordinal));

    private static IEnumerable<Fact> OfContact(PropertyValues v) => OfContact(
        v.GetValue<Guid>(nameof(OutreachContact.ProgrammeId)), v.GetValue<DateOnly>(nameof(OutreachContact.Date)), v.GetValue<Guid?>(nameof(OutreachContact.PersonId)),
        v.GetValue<string>(nameof(OutreachContact.Place)), v.GetValue<string>(nameof(OutreachContact.Nationality)), v.GetValue<string?>(nameof(OutreachContact.Language)),
        v.GetValue<string>(nameof(OutreachContact.InformationGiven)), v.GetValue<string>(nameof(OutreachContact.Orientation)),
        v.GetValue<bool>(nameof(OutreachContact.FollowUp)), v.GetValue<bool>(nameof(OutreachContact.MediatorInterpreted)));

    private static IEnumerable<Fact> OfOutcome(PropertyValues v) =>
    [
        new(v.GetValue<Guid>(nameof(OutreachOutcome.ProgrammeId)), v.GetValue<DateOnly>(nameof(OutreachOutcome.Date)), v.GetValue<Guid>(nameof(OutreachOutcome.PersonId)),
            Outcome, v.GetValue<OutcomeKind>(nameof(OutreachOutcome.Kind)).ToKebab()),
    ];

    public readonly record struct Bucket(Guid ProgrammeId, string Grain, DateOnly Period, string Dimension, string Key);

    /// <summary>How a save moves the tallies: per bucket, contacts and anonymous ones; per bucket and known person, contacts.</summary>
    public sealed class Delta
    {
        public Dictionary<Bucket, (int Contacts, int Anonymous)> Counts { get; } = [];
        public Dictionary<(Bucket Bucket, Guid PersonId), int> People { get; } = [];

        public bool IsEmpty => Counts.Values.All(c => c == (0, 0)) && People.Values.All(n => n == 0);

        public void Add(IEnumerable<Fact> facts, int sign)
        {
            foreach (var fact in facts)
            {
                foreach (var grain in Grains)
                {
                    var bucket = new Bucket(fact.ProgrammeId, grain, PeriodOf(grain, fact.Date), fact.Dimension, fact.Key);
                    var (contacts, anonymous) = Counts.GetValueOrDefault(bucket);
                    Counts[bucket] = (contacts + sign, anonymous + (fact.PersonId is null ? sign : 0));
                    if (fact.PersonId is { } person && fact.Dimension != Flag)
                    {
                        People[(bucket, person)] = People.GetValueOrDefault((bucket, person)) + sign;
                    }
                }
            }
        }
    }

    /// <summary>The changes of contacts and outcomes about to be saved: what they counted in before, taken away; what they count in now, added.</summary>
    public static Delta Collect(ChangeTracker tracker)
    {
        var delta = new Delta();
        foreach (var entry in tracker.Entries<OutreachContact>())
        {
            Move(delta, entry, OfContact);
        }
        foreach (var entry in tracker.Entries<OutreachOutcome>())
        {
            Move(delta, entry, OfOutcome);
        }
        return delta;
    }

    private static void Move(Delta delta, EntityEntry entry, Func<PropertyValues, IEnumerable<Fact>> facts)
    {
        if (entry.State is EntityState.Modified or EntityState.Deleted)
        {
            delta.Add(facts(entry.OriginalValues), -1);
        }
        if (entry.State is EntityState.Added or EntityState.Modified)
        {
            delta.Add(facts(entry.CurrentValues), +1);
        }
    }

    /// <summary>
    /// SQL that empties the tallies and counts them again from every contact and outcome, set-based (the bench's bulk
    /// load; Schema0040 holds a frozen copy). Matches <see cref="OfContact(Guid, DateOnly, Guid?, string, string, string?, string, string, bool, bool)"/>.
    /// </summary>
    public static string RebuildSql(bool postgres)
    {
        static string Names(IEnumerable<string> names) => string.Join(" UNION ALL ", names.Select(n => $"SELECT '{n}' AS k"));
        var contains = postgres ? "strpos" : "instr";
        string Listed(string dimension, string column, IEnumerable<string> names) =>
            $"""SELECT c."ProgrammeId", c."Date", c."PersonId", '{dimension}' AS d, n.k FROM "OutreachContacts" c JOIN ({Names(names)}) n ON {contains}(',' || c."{column}" || ',', ',' || n.k || ',') > 0""";
        var kinds = string.Join(" UNION ALL ", Enum.GetValues<OutcomeKind>().Select(k => $"SELECT '{k}' AS name, '{k.ToKebab()}' AS k"));
        var facts = $"""
            SELECT "ProgrammeId", "Date", "PersonId", '{Total}' AS d, '' AS k FROM "OutreachContacts"
            UNION ALL SELECT "ProgrammeId", "Date", "PersonId", '{Flag}', '{FollowUp}' FROM "OutreachContacts" WHERE "FollowUp"
            UNION ALL SELECT "ProgrammeId", "Date", "PersonId", '{Flag}', '{Mediator}' FROM "OutreachContacts" WHERE "MediatorInterpreted"
            UNION ALL SELECT "ProgrammeId", "Date", "PersonId", '{Place}', "Place" FROM "OutreachContacts"
            UNION ALL SELECT "ProgrammeId", "Date", "PersonId", '{Nationality}', "Nationality" FROM "OutreachContacts"
            UNION ALL SELECT "ProgrammeId", "Date", "PersonId", '{Language}', COALESCE("Language", '{Codes.Unknown}') FROM "OutreachContacts"
            UNION ALL {Listed(Topic, "InformationGiven", Enum.GetValues<InformationTopic>().Select(t => t.ToKebab()))}
            UNION ALL {Listed(Orientation, "Orientation", Enum.GetValues<OrientationService>().Select(t => t.ToKebab()))}
            UNION ALL SELECT o."ProgrammeId", o."Date", o."PersonId", '{Outcome}', n.k FROM "OutreachOutcomes" o JOIN ({kinds}) n ON o."Kind" = n.name
            """;
        // Counted by day, then summed into months, years and all time. Npgsql stores DateOnly.MinValue, the all-time period, as -infinity.
        var period = postgres
            ? """CASE g.g WHEN 'A' THEN DATE '-infinity' WHEN 'Y' THEN date_trunc('year', t."Period")::date ELSE date_trunc('month', t."Period")::date END"""
            : """CASE g.g WHEN 'A' THEN '0001-01-01' WHEN 'Y' THEN substr(t."Period", 1, 4) || '-01-01' ELSE substr(t."Period", 1, 7) || '-01' END""";
        const string coarser = "(SELECT 'A' AS g UNION ALL SELECT 'Y' UNION ALL SELECT 'M') g";
        // On PostgreSQL the primary keys are built once, after the rows are in, rather than row by row.
        const string personKey = """ "PK_OutreachPersonTallies" PRIMARY KEY ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId")""";
        const string tallyKey = """ "PK_OutreachTallies" PRIMARY KEY ("ProgrammeId", "Grain", "Period", "Dimension", "Key")""";
        return $"""
            DELETE FROM "OutreachPersonTallies";
            DELETE FROM "OutreachTallies";
            {(postgres ? """ALTER TABLE "OutreachPersonTallies" DROP CONSTRAINT "PK_OutreachPersonTallies"; ALTER TABLE "OutreachTallies" DROP CONSTRAINT "PK_OutreachTallies";""" : "")}
            INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts")
            SELECT f."ProgrammeId", 'D', f."Date", f.d, f.k, f."PersonId", COUNT(*)
            FROM ({facts}) f WHERE f."PersonId" IS NOT NULL AND f.d <> '{Flag}' GROUP BY f."ProgrammeId", f."Date", f.d, f.k, f."PersonId";
            INSERT INTO "OutreachPersonTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "PersonId", "Contacts")
            SELECT t."ProgrammeId", g.g, {period}, t."Dimension", t."Key", t."PersonId", SUM(t."Contacts")
            FROM "OutreachPersonTallies" t CROSS JOIN {coarser} GROUP BY t."ProgrammeId", g.g, {period}, t."Dimension", t."Key", t."PersonId";
            {(postgres ? $"""ALTER TABLE "OutreachPersonTallies" ADD CONSTRAINT{personKey};""" : "")}
            INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known")
            SELECT f."ProgrammeId", 'D', f."Date", f.d, f.k, COUNT(*), SUM(CASE WHEN f."PersonId" IS NULL THEN 1 ELSE 0 END), 0
            FROM ({facts}) f GROUP BY f."ProgrammeId", f."Date", f.d, f.k;
            INSERT INTO "OutreachTallies" ("ProgrammeId", "Grain", "Period", "Dimension", "Key", "Contacts", "Anonymous", "Known")
            SELECT t."ProgrammeId", g.g, {period}, t."Dimension", t."Key", SUM(t."Contacts"), SUM(t."Anonymous"), 0
            FROM "OutreachTallies" t CROSS JOIN {coarser} GROUP BY t."ProgrammeId", g.g, {period}, t."Dimension", t."Key";
            {(postgres ? """CREATE TEMP TABLE outreach_known ON COMMIT DROP AS""" : """CREATE TEMP TABLE outreach_known AS""")}
            SELECT "ProgrammeId", "Grain", "Period", "Dimension", "Key", COUNT(*) AS n FROM "OutreachPersonTallies" GROUP BY "ProgrammeId", "Grain", "Period", "Dimension", "Key";
            UPDATE "OutreachTallies" SET "Known" = k.n FROM outreach_known k
            WHERE "OutreachTallies"."ProgrammeId" = k."ProgrammeId" AND "OutreachTallies"."Grain" = k."Grain" AND "OutreachTallies"."Period" = k."Period"
            AND "OutreachTallies"."Dimension" = k."Dimension" AND "OutreachTallies"."Key" = k."Key";
            DROP TABLE outreach_known;
            {(postgres ? $"""ALTER TABLE "OutreachTallies" ADD CONSTRAINT{tallyKey};""" : "")}
            """;
    }
}
