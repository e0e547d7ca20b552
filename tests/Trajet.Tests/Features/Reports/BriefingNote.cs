namespace Trajet.Tests.Features.Reports;

/// <summary>The Plan Together briefing note's 12 sheets (seed 001), as distributions per question.</summary>
public static class BriefingNote
{
    public static readonly Dictionary<string, (string Answer, int Count)[]> Impact = new()
    {
        ["engagement"] = [("none", 1), ("limited", 2), ("some", 6), ("considerable", 3)],
        ["risk"] = [("none", 1), ("some", 6), ("considerable", 3), ("dont-know", 2)],
        ["trust"] = [("none", 2), ("limited", 4), ("some", 3), ("considerable", 2), ("dont-know", 1)],
        ["group1"] = [("limited", 1), ("some", 7), ("considerable", 3), ("dont-know", 1)],
        ["group2"] = [("none", 6), ("limited", 1), ("some", 1), ("considerable", 3), ("dont-know", 1)],
        ["group3"] = [("none", 1), ("limited", 1), ("some", 7), ("considerable", 3)],
    };

    public static readonly Dictionary<string, (string? Answer, int Count)[]> Prompts = new()
    {
        ["moreInformation"] = [("yes", 12)],
        ["constructiveChoices"] = [("yes", 7), ("no", 3), ("dont-know", 2)],
        ["confidenceInProcedures"] = [("yes", 8), ("no", 1), ("dont-know", 3)],
        ["engagedWithCaseManager"] = [("yes", 9), ("no", 2), ("dont-know", 1)],
        ["understandsConsequences"] = [("yes", 11), ("no", 1)],
        ["initiative"] = [("yes", 9), ("no", 2), (null, 1)],
        ["exercisesRights"] = [("yes", 8), ("no", 2), ("dont-know", 1), (null, 1)],
        ["exploresAllOptions"] = [("yes", 9), ("no", 1), (null, 2)],
        ["cooperatesWithConditions"] = [("yes", 1), ("no", 3), ("dont-know", 7), (null, 1)],
        ["authoritiesBetterInformed"] = [("yes", 6), ("no", 4), ("dont-know", 1), (null, 1)],
        ["lessVulnerable"] = [("yes", 6), ("no", 5), ("dont-know", 1)],
        ["moreHope"] = [("yes", 7), ("no", 2), ("dont-know", 3)],
        ["moreTrustInSystem"] = [("yes", 6), ("no", 3), ("dont-know", 3)],
        ["betterPsychosocial"] = [("yes", 9), ("no", 2), ("dont-know", 1)],
        ["betterSubsistence"] = [("yes", 3), ("no", 8), ("dont-know", 1)],
        ["betterHousing"] = [("yes", 1), ("no", 11)],
        ["moreStable"] = [("yes", 3), ("no", 9)],
    };

    public static readonly string[] Group1 = ["moreInformation", "constructiveChoices", "confidenceInProcedures", "engagedWithCaseManager", "understandsConsequences"];
    public static readonly string[] Group2 = ["initiative", "exercisesRights", "exploresAllOptions", "cooperatesWithConditions", "authoritiesBetterInformed"];
    public static readonly string[] Group3 = ["lessVulnerable", "moreHope", "moreTrustInSystem", "betterPsychosocial", "betterSubsistence", "betterHousing", "moreStable"];

    /// <summary>The answer of sheet <paramref name="index"/> (0–11) to a question, spreading each distribution over the 12 sheets.</summary>
    public static string? Nth<T>((T Answer, int Count)[] distribution, int index)
    {
        foreach (var (answer, count) in distribution)
        {
            if (index < count)
            {
                return answer?.ToString();
            }
            index -= count;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Sheet number <paramref name="index"/> in the API's shape.</summary>
    public static object Sheet(int index, string date)
    {
        Dictionary<string, string?> Prompts(string[] keys) =>
            keys.Select(k => (k, Nth(BriefingNote.Prompts[k], index))).Where(p => p.Item2 is not null).ToDictionary(p => p.k, p => p.Item2);
        return new
        {
            date,
            impact = new { engagement = Nth(Impact["engagement"], index), risk = Nth(Impact["risk"], index), trust = Nth(Impact["trust"], index) },
            group1 = new { impact = Nth(Impact["group1"], index), obstacles = "Unstable housing", prompts = Prompts(Group1) },
            group2 = new { impact = Nth(Impact["group2"], index), obstacles = "Slow decisions", prompts = Prompts(Group2) },
            group3 = new { impact = Nth(Impact["group3"], index), obstacles = "", prompts = Prompts(Group3) },
            observations = "Sheet " + index,
        };
    }
}
