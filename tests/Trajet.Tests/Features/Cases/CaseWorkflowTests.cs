using Trajet.Web.Features.Cases;

namespace Trajet.Tests.Features.Cases;

public sealed class CaseWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Referred = new(2026, 1, 10);

    private static CaseWorkflow.Facts Facts(CaseStatus current, int unanswered = 0, int notMet = 0) =>
        new(current, Referred, new DateOnly(2026, 2, 1), unanswered, notMet);

    private static List<string> Errors(CaseWorkflow.Facts facts, CaseStatus to, string? reason = "why", ClosureOutcome? outcome = null, DurableSolution? solution = null, DateOnly? date = null) =>
        CaseWorkflow.Validate(facts, new() { To = to, Date = date ?? Today, Reason = reason, Outcome = outcome, DurableSolution = solution }, Today).Select(e => e.Field).ToList();

    [Theory]
    [InlineData(CaseStatus.Referred, CaseStatus.Screening)]
    [InlineData(CaseStatus.Referred, CaseStatus.Declined)]
    [InlineData(CaseStatus.Screening, CaseStatus.Admitted)]
    [InlineData(CaseStatus.Screening, CaseStatus.Declined)]
    [InlineData(CaseStatus.Admitted, CaseStatus.Active)]
    [InlineData(CaseStatus.Active, CaseStatus.Paused)]
    [InlineData(CaseStatus.Paused, CaseStatus.Active)]
    public void Validate_AllowedChange_HasNoError(CaseStatus from, CaseStatus to) =>
        Assert.Empty(Errors(Facts(from), to));

    [Theory]
    [InlineData(CaseStatus.Referred, CaseStatus.Active)]
    [InlineData(CaseStatus.Referred, CaseStatus.Admitted)]
    [InlineData(CaseStatus.Declined, CaseStatus.Active)]
    [InlineData(CaseStatus.Closed, CaseStatus.Paused)]
    [InlineData(CaseStatus.Closed, CaseStatus.Referred)]
    [InlineData(CaseStatus.Paused, CaseStatus.Admitted)]
    public void Validate_ChangeNotInTheWorkflow_IsRefused(CaseStatus from, CaseStatus to) =>
        Assert.Equal(["to"], Errors(Facts(from), to));

    [Theory]
    [InlineData(CaseStatus.Referred, CaseStatus.Declined)]
    [InlineData(CaseStatus.Active, CaseStatus.Paused)]
    public void Validate_DeclineOrPauseWithoutReason_IsRefused(CaseStatus from, CaseStatus to) =>
        Assert.Equal(["reason"], Errors(Facts(from), to, reason: " "));

    [Fact]
    public void Validate_AdmitWithUnansweredCriterion_IsRefused() =>
        Assert.Equal(["to"], Errors(Facts(CaseStatus.Screening, unanswered: 1), CaseStatus.Admitted));

    [Fact]
    public void Validate_AdmitWithCriterionNotMet_NeedsAReason()
    {
        Assert.Equal(["reason"], Errors(Facts(CaseStatus.Screening, notMet: 1), CaseStatus.Admitted, reason: null));
        Assert.Empty(Errors(Facts(CaseStatus.Screening, notMet: 1), CaseStatus.Admitted, reason: "Housing found next month"));
    }

    [Fact]
    public void Validate_CloseWithoutOutcomeOrSolution_IsRefused() =>
        Assert.Equal(["outcome", "durableSolution"], Errors(Facts(CaseStatus.Active), CaseStatus.Closed));

    [Fact]
    public void Validate_CloseWithOutcomeAndSolution_IsAllowed() =>
        Assert.Empty(Errors(Facts(CaseStatus.Paused), CaseStatus.Closed, outcome: ClosureOutcome.ResolvedRegularisation, solution: DurableSolution.LegalStayHere));

    [Fact]
    public void Validate_DateInFutureOrBeforeLastStep_IsRefused()
    {
        Assert.Equal(["date"], Errors(Facts(CaseStatus.Active), CaseStatus.Paused, date: Today.AddDays(1)));
        Assert.Equal(["date"], Errors(Facts(CaseStatus.Active), CaseStatus.Paused, date: new DateOnly(2026, 1, 31)));
    }

    [Fact]
    public void Next_OfClosedCase_IsEmpty() => Assert.Empty(CaseWorkflow.Next(CaseStatus.Closed));

    [Theory]
    [InlineData(CaseStatus.Closed, CaseStatus.Active)]
    [InlineData(CaseStatus.Declined, CaseStatus.Referred)]
    public void Next_ForWhoMayReopen_OffersTheReopening(CaseStatus current, CaseStatus reopened)
    {
        Assert.Equal([reopened], CaseWorkflow.Next(current, mayReopen: true));
        Assert.True(CaseWorkflow.Reopens(current, reopened));
    }

    [Fact]
    public void Next_OfAnOpenCase_IsTheSameForWhoMayReopen() =>
        Assert.Equal(CaseWorkflow.Next(CaseStatus.Active), CaseWorkflow.Next(CaseStatus.Active, mayReopen: true));

    [Theory]
    [InlineData(CaseStatus.Paused, CaseStatus.Active)]
    [InlineData(CaseStatus.Admitted, CaseStatus.Active)]
    [InlineData(CaseStatus.Referred, CaseStatus.Screening)]
    public void Reopens_IsOnlyAClosedOrDeclinedCaseComingBack(CaseStatus from, CaseStatus to) =>
        Assert.False(CaseWorkflow.Reopens(from, to));

    [Theory]
    [InlineData(CaseStatus.Closed, CaseStatus.Active)]
    [InlineData(CaseStatus.Declined, CaseStatus.Referred)]
    public void Validate_ReopenWithReason_IsAllowed(CaseStatus from, CaseStatus to) =>
        Assert.Empty(Errors(Facts(from), to, reason: "The family came back after a new order to leave"));

    [Theory]
    [InlineData(CaseStatus.Closed, CaseStatus.Active, null)]
    [InlineData(CaseStatus.Declined, CaseStatus.Referred, "  ")]
    public void Validate_ReopenWithoutReason_IsRefusedOnReason(CaseStatus from, CaseStatus to, string? reason) =>
        Assert.Equal(["reason"], Errors(Facts(from), to, reason: reason));

    [Fact]
    public void Validate_ReopenInFutureOrBeforeTheClosure_IsRefusedOnDate()
    {
        Assert.Equal(["date"], Errors(Facts(CaseStatus.Closed), CaseStatus.Active, date: Today.AddDays(1)));
        Assert.Equal(["date"], Errors(Facts(CaseStatus.Closed), CaseStatus.Active, date: new DateOnly(2026, 1, 31)));
    }
}
