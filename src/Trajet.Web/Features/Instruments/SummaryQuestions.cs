using System.Linq.Expressions;
using System.Reflection;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// The questions of the client summary sheet, in the sheet's order, each tied to its column.
/// The API, the form, the validation and the report all read this one list.
/// </summary>
public static class SummaryQuestions
{
    public sealed record Impact(string Key, string Label, PropertyInfo Property);

    public sealed record Prompt(int Group, string Key, string Label, PropertyInfo Property);

    public static readonly IReadOnlyList<Impact> Impacts =
    [
        new("engagement", "Capacity to engage in immigration procedures", Of(s => s.Engagement)),
        new("risk", "Level of risk", Of(s => s.Risk)),
        new("trust", "Level of trust in the system", Of(s => s.Trust)),
        new("group1", "Informed decision-making", Of(s => s.Group1Impact)),
        new("group2", "Timely and fair case resolution", Of(s => s.Group2Impact)),
        new("group3", "Coping and well-being", Of(s => s.Group3Impact)),
    ];

    public static readonly IReadOnlyList<Prompt> Prompts =
    [
        new(1, "moreInformation", "More information and advice to understand their situation and plan", Of(s => s.MoreInformation)),
        new(1, "constructiveChoices", "More constructive choices about their case", Of(s => s.ConstructiveChoices)),
        new(1, "confidenceInProcedures", "More confidence in the procedures", Of(s => s.ConfidenceInProcedures)),
        new(1, "engagedWithCaseManager", "Better engaged with the case managers", Of(s => s.EngagedWithCaseManager)),
        new(1, "understandsConsequences", "Better able to consider the consequences of their actions", Of(s => s.UnderstandsConsequences)),
        new(2, "initiative", "More initiative towards the authorities and their file", Of(s => s.Initiative)),
        new(2, "exercisesRights", "Better able to exercise their rights", Of(s => s.ExercisesRights)),
        new(2, "exploresAllOptions", "Able to explore all options, including regularisation", Of(s => s.ExploresAllOptions)),
        new(2, "cooperatesWithConditions", "Better cooperating with the conditions imposed", Of(s => s.CooperatesWithConditions)),
        new(2, "authoritiesBetterInformed", "Authorities better informed thanks to better communication", Of(s => s.AuthoritiesBetterInformed)),
        new(3, "lessVulnerable", "Less vulnerable", Of(s => s.LessVulnerable)),
        new(3, "moreHope", "More hope for the future", Of(s => s.MoreHope)),
        new(3, "moreTrustInSystem", "More trust in the system", Of(s => s.MoreTrustInSystem)),
        new(3, "betterPsychosocial", "Better psychosocial well-being", Of(s => s.BetterPsychosocial)),
        new(3, "betterSubsistence", "Better subsistence", Of(s => s.BetterSubsistence)),
        new(3, "betterHousing", "Better housing", Of(s => s.BetterHousing)),
        new(3, "moreStable", "More stable, keeps contact more regularly", Of(s => s.MoreStable)),
    ];

    public static PropertyInfo ObstaclesOf(int group) => typeof(SummarySheet).GetProperty($"Group{group}Obstacles")!;

    private static PropertyInfo Of<T>(Expression<Func<SummarySheet, T>> column) =>
        (PropertyInfo)((MemberExpression)column.Body).Member;
}
