using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Coaching;

namespace Trajet.Tests.Features.Coaching;

public sealed class PathwayRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Referred = new(2026, 1, 10);

    private static PathwayRules.Decision Decision(Pathway? pathway, string? procedure = null, string? information = null, bool filesThemself = false,
        string? options = null, string? consequences = null, bool forcedReturn = false, bool entryBan = false, bool close = false, string? reasons = "Reviewed with the person") =>
        new()
        {
            Pathway = pathway,
            Date = Today,
            Reasons = reasons,
            Procedure = procedure,
            InformationGiven = information,
            PersonFilesThemself = filesThemself,
            OptionsExplained = options,
            ConsequencesExplained = consequences,
            ForcedReturnExplained = forcedReturn,
            EntryBanExplained = entryBan,
            Close = close,
        };

    private static List<string> Fields(PathwayRules.Decision d, bool closed = false) => PathwayRules.Validate(d, closed, Referred, Today).Select(e => e.Field).ToList();

    [Fact]
    public void LegalStay_NeedsTheProcedureTheInformationAndThatThePersonFilesIt()
    {
        Assert.Equal(["procedure", "informationGiven", "personFilesThemself"], Fields(Decision(Pathway.LegalStay)));
        Assert.Empty(Fields(Decision(Pathway.LegalStay, "Regularisation on humanitarian grounds", "Where and how to file", filesThemself: true)));
    }

    [Fact]
    public void VoluntaryReturn_NeedsTheOptionsExplained()
    {
        Assert.Equal(["optionsExplained"], Fields(Decision(Pathway.VoluntaryReturn)));
        Assert.Empty(Fields(Decision(Pathway.VoluntaryReturn, options: "Assisted voluntary return, reintegration support")));
    }

    [Fact]
    public void ReturnRefused_CanBeDecidedBeforeTheExplanationIsRecorded() =>
        Assert.Empty(Fields(Decision(Pathway.ReturnRefused)));

    [Fact]
    public void ReturnRefused_ClosingWithoutTheExplanation_IsRefused() =>
        Assert.Equal(["consequencesExplained", "forcedReturnExplained", "entryBanExplained"], Fields(Decision(Pathway.ReturnRefused, close: true)));

    [Fact]
    public void ReturnRefused_ClosingWithAPartialExplanation_IsRefused() =>
        Assert.Equal(["entryBanExplained"], Fields(Decision(Pathway.ReturnRefused, consequences: "Forced return explained with an interpreter", forcedReturn: true, close: true)));

    [Fact]
    public void ReturnRefused_ClosingWithTheExplanation_IsAllowed() =>
        Assert.Empty(Fields(Decision(Pathway.ReturnRefused, consequences: "Forced return and a possible entry ban explained in Russian", forcedReturn: true, entryBan: true, close: true)));

    [Theory]
    [InlineData(Pathway.LegalStay)]
    [InlineData(Pathway.VoluntaryReturn)]
    public void Closing_OnAnotherPathway_IsRefused(Pathway pathway) =>
        Assert.Contains("close", Fields(Decision(pathway, "p", "i", true, "o", close: true)));

    [Fact]
    public void Decision_WithoutReasonsOrPathway_NamesTheFields() =>
        Assert.Equal(["pathway", "reasons"], Fields(Decision(null, reasons: " ")));

    [Fact]
    public void Decision_OnAClosedCase_IsRefused() =>
        Assert.Equal(["pathway"], Fields(Decision(Pathway.VoluntaryReturn, options: "o"), closed: true));

    [Fact]
    public void Decision_InTheFuture_IsRefused() =>
        Assert.Equal(["date"], PathwayRules.Validate(Decision(Pathway.VoluntaryReturn, options: "o") with { Date = Today.AddDays(1) }, false, Referred, Today).Select(e => e.Field));

    [Theory]
    [InlineData(Pathway.ReturnRefused, false, true)]
    [InlineData(Pathway.ReturnRefused, true, false)]
    [InlineData(Pathway.VoluntaryReturn, false, false)]
    [InlineData(null, false, false)]
    public void BlocksClosure_OnlyOnPathwayThreeWithoutTheExplanation(Pathway? pathway, bool explained, bool blocks) =>
        Assert.Equal(blocks, PathwayRules.BlocksClosure(pathway, explained));

    [Fact]
    public void CaseWorkflow_ClosingOnPathwayThreeWithoutExplanation_IsRefused()
    {
        var change = new CaseWorkflow.Change { To = CaseStatus.Closed, Date = Today, Reason = "Voluntary return refused", Outcome = ClosureOutcome.Other, DurableSolution = DurableSolution.None };
        var blocked = new CaseWorkflow.Facts(CaseStatus.Active, Referred, null, 0, 0, PathwayBlocksClosure: true);
        Assert.Equal(["to"], CaseWorkflow.Validate(blocked, change, Today).Select(e => e.Field));
        Assert.Empty(CaseWorkflow.Validate(blocked with { PathwayBlocksClosure = false }, change, Today));
    }
}

public sealed class OpeningHoursTests
{
    private static readonly DeskOpening[] Wednesday = [new() { Day = DayOfWeek.Wednesday, Opens = new(9, 0), Closes = new(12, 0) }];
    private static readonly DateOnly AWednesday = new(2026, 11, 25);

    [Theory]
    [InlineData(9, 0, true)]
    [InlineData(11, 59, true)]
    [InlineData(8, 59, false)]
    [InlineData(12, 0, false)]
    public void IsOpen_OnWednesdayMorningOnly(int hour, int minute, bool open)
    {
        Assert.Equal(open, OpeningHours.IsOpen(Wednesday, AWednesday, new(hour, minute)));
        Assert.False(OpeningHours.IsOpen(Wednesday, AWednesday.AddDays(1), new(hour, minute)));
    }

    [Theory]
    [InlineData(9, 0, 9, 30, true)]
    [InlineData(11, 30, 12, 0, true)]
    [InlineData(11, 45, 12, 15, false)]
    [InlineData(8, 30, 9, 15, false)]
    public void Covers_TheWholeAppointment(int h1, int m1, int h2, int m2, bool covered) =>
        Assert.Equal(covered, OpeningHours.Covers(Wednesday, AWednesday, new(h1, m1), new(h2, m2)));

    [Theory]
    [InlineData(10, 0, 10, 30, true)]
    [InlineData(9, 45, 10, 15, true)]
    [InlineData(10, 30, 11, 0, false)]
    [InlineData(9, 30, 10, 0, false)]
    public void Clash_FindsAnOverlappingLiveAppointment(int h1, int m1, int h2, int m2, bool clash)
    {
        var booked = new Appointment { Start = new(10, 0), End = new(10, 30) };
        Assert.Equal(clash, Agenda.Clash([booked], new(h1, m1), new(h2, m2)) is not null);
        booked.Status = AppointmentStatus.Cancelled;
        Assert.Null(Agenda.Clash([booked], new(h1, m1), new(h2, m2)));
    }
}
