using Trajet.Web.Features.Outreach;

namespace Trajet.Web.Features.Demo;

public static partial class DemoSeed
{
    /// <summary>Contacts of a team's rounds in 2025–2026, some people met more than once (same nickname).</summary>
    private static IEnumerable<OutreachContact> OutreachContacts(Programme programme, string[] places, int count, int seed)
    {
        var random = new Random(seed);
        (string Nickname, string Nationality, string Language, Gender Gender, AgeBand Age)[] people =
        [
            ("Abdi", "SO", "so", Gender.Male, AgeBand.From18To25), ("Mehdi", "DZ", "ar", Gender.Male, AgeBand.From26To35),
            ("Hawa", "GN", "fr", Gender.Female, AgeBand.From18To25), ("Tesfay", "ER", "ti", Gender.Male, AgeBand.From18To25),
            ("Karzan", "IQ", "ku", Gender.Male, AgeBand.From26To35), ("Samira", "SD", "ar", Gender.Female, AgeBand.From26To35),
            ("Bilal", "AF", "ps", Gender.Male, AgeBand.Under18), ("Yusuf", "SD", "ar", Gender.Male, AgeBand.From36To50),
            ("Amanuel", "ER", "ti", Gender.Male, AgeBand.From26To35), ("Fatou", "SN", "wo", Gender.Female, AgeBand.From36To50),
            ("", "unknown", "ar", Gender.Male, AgeBand.Unknown), ("", "AF", "fa", Gender.Male, AgeBand.From18To25),
        ];
        var topics = Enum.GetValues<InformationTopic>();
        var services = Enum.GetValues<OrientationService>();
        for (var i = 0; i < count; i++)
        {
            var person = people[random.Next(people.Length)];
            var given = topics.Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty(InformationTopic.InternationalProtection);
            var oriented = services.Where(_ => random.NextDouble() < 0.25);
            yield return new OutreachContact
            {
                OrganisationId = programme.OrganisationId,
                ProgrammeId = programme.Id,
                Date = new DateOnly(2025, 1, 8).AddDays(random.Next(0, 650)),
                Place = places[random.Next(places.Length)],
                Nickname = person.Nickname.Length > 0 ? person.Nickname : null,
                Gender = person.Gender,
                AgeBand = person.Age,
                Nationality = person.Nationality,
                Language = person.Language,
                MediatorInterpreted = random.NextDouble() < 0.4,
                InformationGiven = string.Join(',', given.Select(t => t.ToKebab())),
                Orientation = string.Join(',', oriented.Select(o => o.ToKebab())),
                FollowUp = random.NextDouble() < 0.3,
            };
        }
    }
}
