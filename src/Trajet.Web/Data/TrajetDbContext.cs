using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.CaseWork;
using Trajet.Web.Features.Coaching;
using Trajet.Web.Features.Documents;
using Trajet.Web.Features.Instruments;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Features.Outreach;
using Trajet.Web.Features.Partners;
using Trajet.Web.Features.Privacy;

namespace Trajet.Web.Data;

/// <summary>
/// The one model of Trajet. Each database provider has a subclass only so that its own
/// migrations (Data/Migrations/&lt;Provider&gt;) are found; see <see cref="DatabaseSetup"/>.
/// </summary>
public abstract class TrajetDbContext(DbContextOptions options, ConfidentialText? confidential = null, AuditContext? audit = null)
    : IdentityDbContext<User, Role, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<UserProgramme> UserProgrammes => Set<UserProgramme>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<CaseStatusChange> CaseStatusChanges => Set<CaseStatusChange>();
    public DbSet<OutreachContact> OutreachContacts => Set<OutreachContact>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<AdmissionCriterion> AdmissionCriteria => Set<AdmissionCriterion>();
    public DbSet<ScreeningAnswer> ScreeningAnswers => Set<ScreeningAnswer>();
    public DbSet<PersonNameKey> PersonNameKeys => Set<PersonNameKey>();
    public DbSet<SummarySheet> SummarySheets => Set<SummarySheet>();
    public DbSet<BaselineSheet> BaselineSheets => Set<BaselineSheet>();
    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<LegalEvent> LegalEvents => Set<LegalEvent>();
    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<PlanReview> PlanReviews => Set<PlanReview>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerReferral> PartnerReferrals => Set<PartnerReferral>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<OutreachPlace> OutreachPlaces => Set<OutreachPlace>();
    public DbSet<OutreachSession> OutreachSessions => Set<OutreachSession>();
    public DbSet<OutreachPerson> OutreachPeople => Set<OutreachPerson>();
    public DbSet<OutreachOutcome> OutreachOutcomes => Set<OutreachOutcome>();
    public DbSet<InboundReferral> InboundReferrals => Set<InboundReferral>();
    public DbSet<CrossBorderShare> CrossBorderShares => Set<CrossBorderShare>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<PersonKey> PersonKeys => Set<PersonKey>();
    public DbSet<StartupTask> StartupTasks => Set<StartupTask>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Desk> Desks => Set<Desk>();
    public DbSet<DeskOpening> DeskOpenings => Set<DeskOpening>();
    public DbSet<WalkIn> WalkIns => Set<WalkIn>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PathwayDecision> PathwayDecisions => Set<PathwayDecision>();
    public DbSet<CoachingFile> CoachingFiles => Set<CoachingFile>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrajetDbContext).Assembly);

        builder.Entity<User>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            u.HasMany(x => x.Programmes).WithOne().HasForeignKey(x => x.UserId);
            u.HasIndex(x => x.OrganisationId);
        });

        builder.Entity<Organisation>(o =>
        {
            o.ToTable("Organisations");
            o.Property(x => x.Name).HasMaxLength(200);
            o.Property(x => x.Country).HasMaxLength(2);
            o.HasIndex(x => x.Name).IsUnique();
            o.HasMany(x => x.Programmes).WithOne(x => x.Organisation).HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Programme>(p =>
        {
            p.ToTable("Programmes");
            p.Property(x => x.Slug).HasMaxLength(60);
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.CasePrefix).HasMaxLength(10);
            p.HasIndex(x => x.Slug).IsUnique();
            p.HasIndex(x => x.OrganisationId);
        });

        builder.Entity<UserProgramme>(up =>
        {
            up.ToTable("UserProgrammes");
            up.HasKey(x => new { x.UserId, x.ProgrammeId });
            up.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            up.HasIndex(x => x.ProgrammeId);
        });

        builder.Entity<Case>(c =>
        {
            c.ToTable("Cases");
            c.Property(x => x.Number).HasMaxLength(30);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.OwnsOne(x => x.Referral, r =>
            {
                r.Property(x => x.Source).HasColumnName("ReferralSource");
                r.Property(x => x.ReferredBy).HasColumnName("ReferredBy").HasMaxLength(200);
                r.Property(x => x.Date).HasColumnName("ReferralDate");
                r.Property(x => x.KnownBefore).HasColumnName("KnownBefore");
                r.Property(x => x.RiskAtIntake).HasColumnName("RiskAtIntake");
            });
            c.Navigation(x => x.Referral).IsRequired();
            c.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            c.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.StatusChanges).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Screening).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => new { x.ProgrammeId, x.Number }).IsUnique();
            // The case list's indexes, (OrganisationId, Status, ReferralDate, ProgrammeId) and (OrganisationId, ReferralDate,
            // ProgrammeId), span the owned Referral's column: EF cannot model them, migration 0016 creates them.
            c.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            c.HasIndex(x => new { x.Status, x.ClosedOn });
            // The evaluation report's supported cases, read from this index alone (migration 0024).
            c.HasIndex(x => new { x.ProgrammeId, x.AdmittedOn, x.ClosedOn, x.Kind, x.Status, x.Outcome });
            foreach (var total in new[] { nameof(Case.InteractionCount), nameof(Case.HomeVisitCount), nameof(Case.FirstInteractionOn), nameof(Case.LastInteractionOn) })
            {
                c.Property(total).HasAnnotation(Derived, true);
            }
        });

        builder.Entity<Member>(m =>
        {
            m.ToTable("Members");
            m.Property(x => x.FirstName).HasMaxLength(100);
            m.Property(x => x.LastName).HasMaxLength(100);
            m.Property(x => x.Nationality).HasMaxLength(10);
            m.Property(x => x.Languages).HasMaxLength(100);
            m.Property(x => x.SearchName).HasMaxLength(300);
            m.Property(x => x.Aliases).HasMaxLength(500);
            m.Property(x => x.Vulnerabilities).HasMaxLength(1000);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasMany(x => x.NameKeys).WithOne().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => x.CaseId);
            m.HasIndex(x => new { x.OrganisationId, x.SearchName });
        });

        builder.Entity<CaseStatusChange>(s =>
        {
            s.ToTable("CaseStatusChanges");
            s.HasIndex(x => new { x.CaseId, x.At });
        });

        builder.Entity<CaseAssignment>(a =>
        {
            a.ToTable("CaseAssignments");
            a.HasKey(x => new { x.CaseId, x.UserId });
            a.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => x.UserId);
        });

        builder.Entity<AdmissionCriterion>(a =>
        {
            a.ToTable("AdmissionCriteria");
            a.Property(x => x.Text).HasMaxLength(500);
            a.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => new { x.ProgrammeId, x.Position });
        });

        builder.Entity<ScreeningAnswer>(a =>
        {
            a.ToTable("ScreeningAnswers");
            a.HasOne(x => x.Criterion).WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => new { x.CaseId, x.CriterionId }).IsUnique();
            a.HasIndex(x => x.CriterionId);
        });

        builder.Entity<PersonNameKey>(k =>
        {
            k.ToTable("PersonNameKeys");
            k.HasKey(x => new { x.MemberId, x.Key });
            k.Property(x => x.Key).HasMaxLength(60);
            // Covers the search: keys to members and their cases without reading the table (Schema0021SearchIndexes).
            k.HasIndex(x => new { x.OrganisationId, x.Key, x.MemberId, x.CaseId });
        });

        builder.Entity<SummarySheet>(s =>
        {
            s.ToTable("SummarySheets");
            s.Property(x => x.Profile).HasMaxLength(8000);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => new { x.ProgrammeId, x.Date });
            s.HasIndex(x => new { x.CaseId, x.Date, x.CreatedAt });
            s.Property(x => x.IsLatest).HasAnnotation(Derived, true);
            s.HasIndex(x => x.ProgrammeId, "IX_SummarySheets_ProgrammeId_Latest").HasFilter("\"IsLatest\"");
        });

        builder.Entity<BaselineSheet>(b =>
        {
            b.ToTable("BaselineSheets");
            b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.CaseId, x.Date });
        });

        builder.Entity<BaselineScore>(b =>
        {
            b.ToTable("BaselineScores");
            b.HasKey(x => new { x.SheetId, x.Item });
        });

        builder.Entity<CaseStudy>(c =>
        {
            c.ToTable("CaseStudies");
            c.HasKey(x => x.CaseId);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasOne<Case>().WithOne().HasForeignKey<CaseStudy>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Interaction>(i =>
        {
            i.ToTable("Interactions");
            i.Property(x => x.Participants).HasMaxLength(300);
            i.Property(x => x.Language).HasMaxLength(10);
            i.Property(x => x.FileChecked).HasMaxLength(4000);
            i.Property(x => x.MissingItems).HasMaxLength(4000);
            i.Property(x => x.Conclusions).HasMaxLength(4000);
            i.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            i.HasIndex(x => new { x.CaseId, x.Date, x.Type });
            i.HasIndex(x => new { x.ProgrammeId, x.Type });
        });

        builder.Entity<LegalEvent>(e =>
        {
            e.ToTable("LegalEvents");
            e.Property(x => x.Authority).HasMaxLength(200);
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.Lawyer).HasMaxLength(200);
            e.Property(x => x.DeadlineSource).HasMaxLength(300);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.CaseId, x.Date });
            e.HasIndex(x => new { x.OrganisationId, x.Deadline });
        });

        builder.Entity<DeadlineRule>(r =>
        {
            r.ToTable("DeadlineRules");
            r.Property(x => x.Label).HasMaxLength(300);
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => x.OrganisationId);
        });

        builder.Entity<PlanGoal>(g =>
        {
            g.ToTable("PlanGoals");
            g.Property(x => x.Description).HasMaxLength(1000);
            g.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            g.HasIndex(x => x.CaseId);
        });

        builder.Entity<PlanAction>(a =>
        {
            a.ToTable("PlanActions");
            a.Property(x => x.Description).HasMaxLength(1000);
            a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => new { x.CaseId, x.Status });
            a.HasIndex(x => new { x.Status, x.DueDate });
        });

        builder.Entity<PlanReview>(r =>
        {
            r.ToTable("PlanReviews");
            r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.CaseId, x.Date });
        });

        builder.Entity<Partner>(p =>
        {
            p.ToTable("Partners");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Contact).HasMaxLength(200);
            p.Property(x => x.Phone).HasMaxLength(50);
            p.Property(x => x.Email).HasMaxLength(200);
            p.Property(x => x.Notes).HasMaxLength(2000);
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => new { x.OrganisationId, x.Name });
        });

        builder.Entity<PartnerReferral>(r =>
        {
            r.ToTable("PartnerReferrals");
            r.Property(x => x.Reason).HasMaxLength(1000);
            r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => x.CaseId);
            r.HasIndex(x => x.PartnerId);
        });

        builder.Entity<StartupTask>(t =>
        {
            t.ToTable("StartupTasks");
            t.HasKey(x => x.Name);
            t.Property(x => x.Name).HasMaxLength(200);
        });

        builder.Entity<PersonKey>(k =>
        {
            k.ToTable("PersonKeys");
            k.HasKey(x => x.SubjectId);
        });

        builder.Entity<Consent>(c =>
        {
            c.ToTable("Consents");
            c.Property(x => x.Purpose).HasMaxLength(40);
            c.Property(x => x.ExplainedHow).HasMaxLength(1000);
            c.Property(x => x.Language).HasMaxLength(10);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => new { x.CaseId, x.Purpose });
            c.HasIndex(x => new { x.OrganisationId, x.OutreachPersonId });
        });

        builder.Entity<CaseDocument>(d =>
        {
            d.ToTable("CaseDocuments");
            d.Property(x => x.Title).HasMaxLength(200);
            d.Property(x => x.FileKey).HasMaxLength(32);
            d.Property(x => x.FileName).HasMaxLength(120);
            d.Property(x => x.ContentType).HasMaxLength(100);
            d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => new { x.CaseId, x.IssueDate });
        });

        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("AuditEntries");
            a.HasKey(x => x.Sequence);
            a.Property(x => x.Sequence).ValueGeneratedNever();
            a.Property(x => x.ActorEmail).HasMaxLength(256);
            a.Property(x => x.EntityType).HasMaxLength(60);
            a.Property(x => x.EntityId).HasMaxLength(100);
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.Property(x => x.Hash).HasMaxLength(64);
            a.HasIndex(x => x.At);
            a.HasIndex(x => new { x.CaseId, x.Sequence });
            a.HasIndex(x => new { x.OrganisationId, x.Sequence });
            a.HasIndex(x => new { x.ActorEmail, x.Sequence });
            a.HasIndex(x => new { x.Action, x.Sequence });
        });

        ConfigureCoaching(builder);

        builder.Entity<OutreachContact>(o =>
        {
            o.ToTable("OutreachContacts");
            o.Property(x => x.Place).HasMaxLength(200);
            o.Property(x => x.Nickname).HasMaxLength(100);
            o.Property(x => x.Nationality).HasMaxLength(10);
            o.Property(x => x.Language).HasMaxLength(10);
            o.Property(x => x.InformationGiven).HasMaxLength(200);
            o.Property(x => x.Orientation).HasMaxLength(200);
            o.Property(x => x.InformationOther).HasMaxLength(200);
            o.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            o.HasIndex(x => new { x.OrganisationId, x.ProgrammeId, x.Date });
            o.HasIndex(x => x.SessionId);
            o.HasIndex(x => x.PersonId);
        });

        builder.Entity<OutreachPlace>(p =>
        {
            p.ToTable("OutreachPlaces");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.City).HasMaxLength(100);
            p.Property(x => x.Region).HasMaxLength(100);
            p.Property(x => x.Country).HasMaxLength(2);
            p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => new { x.ProgrammeId, x.Name });
        });

        builder.Entity<OutreachSession>(s =>
        {
            s.ToTable("OutreachSessions");
            s.Property(x => x.Languages).HasMaxLength(100);
            s.Property(x => x.Notes).HasMaxLength(1000);
            s.HasOne(x => x.Place).WithMany().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Restrict);
            s.HasMany(x => x.Workers).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => new { x.ProgrammeId, x.Date });
            s.HasIndex(x => x.PlaceId);
        });

        builder.Entity<OutreachSessionWorker>(w =>
        {
            w.ToTable("OutreachSessionWorkers");
            w.HasKey(x => new { x.SessionId, x.UserId });
            w.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            w.HasIndex(x => x.UserId);
        });

        builder.Entity<OutreachPerson>(p =>
        {
            p.ToTable("OutreachPeople");
            p.Property(x => x.Nickname).HasMaxLength(100);
            p.Property(x => x.FirstName).HasMaxLength(100);
            p.Property(x => x.LastName).HasMaxLength(100);
            p.Property(x => x.Phone).HasMaxLength(50);
            p.Property(x => x.PhoneDigits).HasMaxLength(30);
            p.Property(x => x.Nationality).HasMaxLength(10);
            p.Property(x => x.Languages).HasMaxLength(100);
            p.Property(x => x.SearchName).HasMaxLength(300);
            p.Property(x => x.SoundKeys).HasMaxLength(300);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            p.HasIndex(x => new { x.ProgrammeId, x.SearchName });
            p.HasIndex(x => new { x.ProgrammeId, x.PhoneDigits });
        });

        builder.Entity<OutreachOutcome>(o =>
        {
            o.ToTable("OutreachOutcomes");
            o.Property(x => x.Notes).HasMaxLength(1000);
            o.HasOne<OutreachPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            o.HasIndex(x => new { x.PersonId, x.Date });
            o.HasIndex(x => new { x.ProgrammeId, x.Date });
        });

        builder.Entity<InboundReferral>(r =>
        {
            r.ToTable("InboundReferrals");
            r.Property(x => x.Name).HasMaxLength(100);
            r.Property(x => x.Phone).HasMaxLength(50);
            r.Property(x => x.Language).HasMaxLength(10);
            r.Property(x => x.Reason).HasMaxLength(1000);
            r.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => new { x.ProgrammeId, x.Status, x.Date });
            r.HasIndex(x => x.PartnerId);
        });

        builder.Entity<CrossBorderShare>(s =>
        {
            s.ToTable("CrossBorderShares");
            s.HasOne<OutreachPerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => x.PersonId);
            s.HasIndex(x => x.ConsentId);
            s.HasIndex(x => new { x.RecipientOrganisationId, x.StoppedOn });
        });

        // Free-text notes about people: encrypted at rest (ConfidentialText)
        ConfidentialText.Apply(builder.Entity<Member>(), confidential, nameof(Member.FamilyLinks), nameof(Member.ConditionsImposed));
        ConfidentialText.Apply(builder.Entity<CaseStatusChange>(), confidential, nameof(CaseStatusChange.Reason));
        ConfidentialText.Apply(builder.Entity<ScreeningAnswer>(), confidential, nameof(ScreeningAnswer.Note));
        ConfidentialText.Apply(builder.Entity<SummarySheet>(), confidential,
            nameof(SummarySheet.Group1Obstacles), nameof(SummarySheet.Group2Obstacles), nameof(SummarySheet.Group3Obstacles), nameof(SummarySheet.Observations));
        ConfidentialText.Apply(builder.Entity<BaselineScore>(), confidential, nameof(BaselineScore.Why));
        ConfidentialText.Apply(builder.Entity<CaseStudy>(), confidential, nameof(CaseStudy.Profile), nameof(CaseStudy.Screening), nameof(CaseStudy.Planning),
            nameof(CaseStudy.Interventions), nameof(CaseStudy.Review), nameof(CaseStudy.Closure));
        ConfidentialText.Apply(builder.Entity<Interaction>(), confidential, nameof(Interaction.Notes), nameof(Interaction.NextSteps));
        ConfidentialText.Apply(builder.Entity<LegalEvent>(), confidential, nameof(LegalEvent.Notes));
        ConfidentialText.Apply(builder.Entity<PlanReview>(), confidential, nameof(PlanReview.Progress), nameof(PlanReview.Changes));
        ConfidentialText.Apply(builder.Entity<PartnerReferral>(), confidential, nameof(PartnerReferral.Notes));
        ConfidentialText.Apply(builder.Entity<CaseDocument>(), confidential, nameof(CaseDocument.Notes));
        ConfidentialText.Apply(builder.Entity<Consent>(), confidential, nameof(Consent.WithdrawalNote));
        ConfidentialText.Apply(builder.Entity<Interaction>(), confidential, nameof(Interaction.FileChecked), nameof(Interaction.MissingItems), nameof(Interaction.Conclusions));
        ConfidentialText.Apply(builder.Entity<WalkIn>(), confidential, nameof(WalkIn.Question), nameof(WalkIn.OutcomeNotes));
        ConfidentialText.Apply(builder.Entity<Appointment>(), confidential, nameof(Appointment.CancelReason));
        ConfidentialText.Apply(builder.Entity<PathwayDecision>(), confidential, nameof(PathwayDecision.Reasons), nameof(PathwayDecision.InformationGiven),
            nameof(PathwayDecision.OptionsExplained), nameof(PathwayDecision.ConsequencesExplained));
        ConfidentialText.Apply(builder.Entity<OutreachSession>(), confidential, nameof(OutreachSession.Notes));
        ConfidentialText.Apply(builder.Entity<OutreachContact>(), confidential, nameof(OutreachContact.InformationOther));
        ConfidentialText.Apply(builder.Entity<OutreachOutcome>(), confidential, nameof(OutreachOutcome.Notes));
        ConfidentialText.Apply(builder.Entity<InboundReferral>(), confidential, nameof(InboundReferral.Reason));
        ConfidentialText.Apply(builder.Entity<PersonKey>(), confidential, nameof(PersonKey.Key));
        // The authenticator keys of two-factor sign-in.
        ConfidentialText.Apply(builder.Entity<IdentityUserToken<Guid>>(), confidential, nameof(IdentityUserToken<Guid>.Value));

        // What identifies a person: the audit seals these values with the person's key (Features/Privacy/PersonKey.cs).
        Identifying(builder.Entity<Member>(), nameof(Member.FirstName), nameof(Member.LastName), nameof(Member.Aliases), nameof(Member.BirthDate), nameof(Member.SearchName));
        Identifying(builder.Entity<OutreachPerson>(), nameof(OutreachPerson.Nickname), nameof(OutreachPerson.FirstName), nameof(OutreachPerson.LastName),
            nameof(OutreachPerson.Phone), nameof(OutreachPerson.PhoneDigits), nameof(OutreachPerson.SearchName), nameof(OutreachPerson.SoundKeys));
    }

    /// <summary>Marks a property the app computes from other rows: not audited, not an edit of its row.</summary>
    public const string Derived = "Trajet:Derived";

    private static void Identifying<T>(EntityTypeBuilder<T> entity, params string[] properties) where T : class
    {
        foreach (var name in properties)
        {
            entity.Property(name).HasAnnotation(PersonSeal.Annotation, true);
        }
    }

    private static void ConfigureCoaching(ModelBuilder builder)
    {
        builder.Entity<Desk>(d =>
        {
            d.ToTable("Desks");
            d.Property(x => x.Name).HasMaxLength(200);
            d.Property(x => x.Address).HasMaxLength(300);
            d.Property(x => x.Contact).HasMaxLength(300);
            d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            d.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            d.HasMany(x => x.Openings).WithOne().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => new { x.OrganisationId, x.ProgrammeId });
            d.HasIndex(x => x.ProgrammeId);
        });

        builder.Entity<DeskOpening>(o =>
        {
            o.ToTable("DeskOpenings");
            o.HasIndex(x => x.DeskId);
        });

        builder.Entity<WalkIn>(w =>
        {
            w.ToTable("WalkIns");
            w.Property(x => x.Name).HasMaxLength(200);
            w.Property(x => x.Language).HasMaxLength(10);
            w.Property(x => x.Question).HasMaxLength(2000);
            w.Property(x => x.OutcomeNotes).HasMaxLength(2000);
            w.Property(x => x.Version).IsConcurrencyToken();
            w.HasOne<Desk>().WithMany().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.Cascade);
            w.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);
            w.HasIndex(x => new { x.DeskId, x.Date });
            w.HasIndex(x => x.CaseId);
        });

        builder.Entity<Appointment>(a =>
        {
            a.ToTable("Appointments");
            a.Property(x => x.Place).HasMaxLength(300);
            a.Property(x => x.Purpose).HasMaxLength(1000);
            a.Property(x => x.CancelReason).HasMaxLength(1000);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne(x => x.Desk).WithMany().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<User>().WithMany().HasForeignKey(x => x.CoachUserId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => new { x.CoachUserId, x.Date });
            a.HasIndex(x => new { x.DeskId, x.Date });
            a.HasIndex(x => x.CaseId);
        });

        builder.Entity<Invitation>(i =>
        {
            i.ToTable("Invitations");
            i.Property(x => x.Language).HasMaxLength(2);
            i.Property(x => x.Addressee).HasMaxLength(200);
            i.Property(x => x.Contact).HasMaxLength(300);
            i.HasOne(x => x.Appointment).WithMany().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.Cascade);
            i.HasIndex(x => x.AppointmentId);
            i.HasIndex(x => x.CaseId);
        });

        builder.Entity<PathwayDecision>(p =>
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
        });

        builder.Entity<CoachingFile>(f =>
        {
            f.ToTable("CoachingFiles");
            f.HasKey(x => x.CaseId);
            f.HasOne<Case>().WithOne().HasForeignKey<CoachingFile>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            f.HasOne<Desk>().WithMany().HasForeignKey(x => x.DeskId).OnDelete(DeleteBehavior.SetNull);
            f.HasIndex(x => x.DeskId);
        });
    }

    /// <summary>The keys that encrypt notes, when the context was given them.</summary>
    public ConfidentialText? Confidential => confidential;

    private readonly List<AuditDraft> queuedAudit = [];

    /// <summary>Queues an entry that is not a change (a read, a sign-in) for the next SaveChanges.</summary>
    public void QueueAudit(AuditDraft draft) => queuedAudit.Add(draft);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Infrastructure.ControlCharacters.StripFrom(ChangeTracker);
        // Derived values first, so that they are saved (and versioned) with what they derive from.
        await LatestSheet.MarkAsync(this, cancellationToken);
        BumpVersions();
        // Audit: every change is written with its entry, in the same transaction (Features/Audit).
        var drafts = await AuditChanges.CollectAsync(this, cancellationToken);
        drafts.AddRange(queuedAudit);
        queuedAudit.Clear();
        var (accountsChange, casesChange) = (Changes(e => e is User or IdentityUserRole<Guid> or UserProgramme or Organisation or Programme),
            Changes(e => e is Case or CaseAssignment));
        var saved = drafts.Count == 0
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await AuditChain.SaveWithEntriesAsync(this, drafts, audit, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        // The app's own caches (a context made outside the app has none): what a signed-in user's context is read from
        // (Accounts/CurrentUser.cs), and the case list's totals (Cases/CaseCounts.cs).
        if (accountsChange)
        {
            AppService<UserContextCache>()?.Changed();
        }
        if (casesChange)
        {
            AppService<CaseCounts>()?.Changed();
        }
        return saved;
    }

    private bool Changes(Func<object, bool> entity) => ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entity(e.Entity));

    private T? AppService<T>() where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();

    // Only the asynchronous path can take the audit lock; nothing in Trajet saves synchronously.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    // The concurrency token moves on every update; the WHERE clause keeps the version that was read.
    private void BumpVersions()
    {
        // A row whose only change is derived (another sheet became the latest) is not an edit of it.
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified
            && e.Properties.Any(p => p.IsModified && p.Metadata.FindAnnotation(Derived) is null)))
        {
            var version = entry.Metadata.FindProperty("Version");
            if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(int))
            {
                var property = entry.Property("Version");
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }
    }
}

public sealed class SqliteTrajetDbContext(DbContextOptions<SqliteTrajetDbContext> options, ConfidentialText? confidential = null, AuditContext? audit = null)
    : TrajetDbContext(options, confidential, audit);

public sealed class PostgresTrajetDbContext(DbContextOptions<PostgresTrajetDbContext> options, ConfidentialText? confidential = null, AuditContext? audit = null)
    : TrajetDbContext(options, confidential, audit);
