using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Trajet.Bench.Generate;
using Trajet.Web.Data;

namespace Trajet.Bench.Run;

/// <summary>
/// Issue 24: a coordinator imports a 10,000-row spreadsheet (about 4,000 households) into the caseload, each person checked
/// against everyone the organisation already knows: a dry run, then the import, timed end to end over HTTP.
/// </summary>
public static class ImportBench
{
    public const int Rows = 10_000;

    public static async Task RunAsync(RunSettings settings, Manifest manifest, HttpClient http, AppProcess app, Func<DbConnection> connect, Action<string> say)
    {
        // The generator's coordinators have no authenticator app, which their role requires; the benchmark exempts the one
        // that imports (a test of the import, not of two-factor sign-in).
        var coordinator = manifest.Coordinators[0];
        await using (var connection = connect())
        {
            await connection.OpenAsync();
            await using var exempt = connection.CreateCommand();
            exempt.CommandText = settings.Provider == DatabaseProvider.Postgres
                ? $"UPDATE \"AspNetUsers\" SET \"TwoFactorExempt\" = TRUE WHERE \"Email\" = '{coordinator}'"
                : $"UPDATE \"AspNetUsers\" SET \"TwoFactorExempt\" = 1 WHERE \"Email\" = '{coordinator}'";
            await exempt.ExecuteNonQueryAsync();
        }
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = coordinator, password = manifest.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        var (csv, households) = Spreadsheet(Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture));
        say($"## Import: {Rows:N0} rows, {households:N0} households, {csv.Length / 1024.0 / 1024.0:F1} MB CSV, into `{manifest.Programme}` ({manifest.Cases:N0} cases already there)");
        say("");
        say("| step | seconds | rows/s | answer | server max RSS MB |");
        say("|---|---:|---:|---|---:|");
        app.TakeWindowMaxMb();
        foreach (var dryRun in new[] { true, false })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "caseload.csv" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/imports/cases?programme={manifest.Programme}&dryRun={(dryRun ? "true" : "false")}") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var answer = response.IsSuccessStatusCode
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode}: {body.GetProperty("errors").GetArrayLength()} errors, {body.GetProperty("possibleDuplicates").GetArrayLength()} possible duplicates, created {body.GetProperty("created").GetProperty("cases").GetInt32():N0} cases / {body.GetProperty("created").GetProperty("people").GetInt32():N0} people")
                : $"{(int)response.StatusCode}: {body}";
            say(string.Create(CultureInfo.InvariantCulture, $"| {(dryRun ? "dry run" : "import")} | {seconds:F1} | {Rows / seconds:N0} | {answer} | {app.TakeWindowMaxMb():F0} |"));
        }
        say("");
    }

    // Households of one to five people, names from the generator's origins (so many are spelled like people already known).
    private static (byte[] Csv, int Households) Spreadsheet(string run)
    {
        var random = new Random(24);
        var text = new StringBuilder("case_ref,kind,referral_date,referral_source,referred_by,status,role,first_name,last_name,gender,birth_date,nationality,languages,address,phone\n");
        var rows = 0;
        var households = 0;
        while (rows < Rows)
        {
            households++;
            var origin = Names.Origins[random.Next(Names.Origins.Length)];
            var surname = origin.Surnames[random.Next(origin.Surnames.Length)][0];
            var size = Math.Min(Rows - rows, random.Next(1, 6));
            var referred = new DateOnly(2025, 1, 1).AddDays(random.Next(600));
            var status = random.Next(3) switch { 0 => "referred", 1 => "active", _ => "closed" };
            for (var i = 0; i < size; i++, rows++)
            {
                var female = random.Next(2) == 0;
                var names = female ? origin.Female : origin.Male;
                var born = i < 2 ? new DateOnly(1965, 1, 1).AddDays(random.Next(12000)) : new DateOnly(2008, 1, 1).AddDays(random.Next(5800));
                text.Append(CultureInfo.InvariantCulture,
                    $"B{run}-{households},{(size == 1 ? "individual" : "family")},{referred:dd/MM/yyyy},community,,{status},{(size == 1 ? "" : i < 2 ? "parent" : "child")},")
                    .Append(CultureInfo.InvariantCulture, $"{names[random.Next(names.Length)][0]},{surname},{(female ? "female" : "male")},{born:yyyy-MM-dd},{origin.Nationality},{string.Join('|', origin.Languages)},")
                    .Append(CultureInfo.InvariantCulture, $"{(i == 0 ? $"\"{random.Next(1, 200)} rue des Tilleuls, 1000 Bruxelles\"" : "")},{(i == 0 ? $"+32 470 {random.Next(100000, 999999)}" : "")}\n");
            }
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), households);
    }
}
