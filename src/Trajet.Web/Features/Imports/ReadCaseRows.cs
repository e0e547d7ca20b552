namespace Trajet.Web.Features.Imports;

/// <summary>A cell that cannot be imported: its row, its column as the file names it, and why (an English key and its arguments).</summary>
public sealed record CellError(int Row, string Column, string Message, params object[] Arguments);

/// <summary>A person's row, read.</summary>
public sealed record ImportedPerson(int Row, MemberRules.Input Member);

/// <summary>A household: the rows sharing a <c>case_ref</c>, its case fields read from the first of them.</summary>
public sealed record ImportedCase(
    string Ref, int Row, CaseKind Kind, DateOnly ReferralDate, ReferralSource Source, string? ReferredBy, CaseStatus Status,
    DateOnly? AdmittedOn, DateOnly? ClosedOn, ClosureOutcome? Outcome, string? Address, IReadOnlyList<string> Phones)
{
    public List<ImportedPerson> People { get; } = [];
}

/// <summary>
/// Reads a sheet's rows into households, cell by cell: every cell that cannot be read is an error naming its row and
/// column, and a household's rows must not disagree about the case. Pure: no database.
/// </summary>
public static class ReadCaseRows
{
    public const int MaxRefLength = 60;

    private static readonly string[] CaseColumns =
    [
        ImportColumns.Kind, ImportColumns.ReferralDate, ImportColumns.ReferralSource, ImportColumns.ReferredBy, ImportColumns.Status,
        ImportColumns.AdmittedOn, ImportColumns.ClosedOn, ImportColumns.Outcome, ImportColumns.Address, ImportColumns.Phone,
    ];

    private static readonly string[] PersonColumns =
    [
        ImportColumns.Role, ImportColumns.FirstName, ImportColumns.LastName, ImportColumns.Gender, ImportColumns.BirthDate, ImportColumns.Nationality,
        ImportColumns.Languages, ImportColumns.EstimatedAge, ImportColumns.Aliases, ImportColumns.ArrivalYear, ImportColumns.Vulnerabilities,
        ImportColumns.EverHadLegalStay, ImportColumns.AskedAsylumOnArrival,
    ];

    // MemberRules' and SaveContact's field names, as the file's columns.
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        ["role"] = ImportColumns.Role,
        ["firstName"] = ImportColumns.FirstName,
        ["lastName"] = ImportColumns.LastName,
        ["birthDate"] = ImportColumns.BirthDate,
        ["estimatedAge"] = ImportColumns.EstimatedAge,
        ["nationality"] = ImportColumns.Nationality,
        ["languages"] = ImportColumns.Languages,
        ["aliases"] = ImportColumns.Aliases,
        ["arrivalYear"] = ImportColumns.ArrivalYear,
        ["address"] = ImportColumns.Address,
        ["phone"] = ImportColumns.Phone,
        ["otherPhones"] = ImportColumns.Phone,
    };

    /// <summary>Which column each header is; a problem for an unknown, repeated or missing one.</summary>
    public static (Dictionary<string, int> Columns, FileProblem? Problem) Columns(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length == 0)
            {
                continue;
            }
            if (ImportColumns.ColumnOf(headers[i]) is not { } column)
            {
                return (columns, new FileProblem("Unknown column \"{0}\": use the columns of the template.", headers[i]));
            }
            if (!columns.TryAdd(column, i))
            {
                return (columns, new FileProblem("The column \"{0}\" appears twice.", headers[i]));
            }
        }
        var missing = ImportColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? (columns, new FileProblem("Missing columns: {0}.", string.Join(", ", missing)))
            : (columns, null);
    }

    public static (List<ImportedCase> Cases, List<CellError> Errors, FileProblem? Problem) Read(ImportSheet sheet, DateOnly today)
    {
        var (columns, problem) = Columns(sheet.Headers);
        if (problem is not null)
        {
            return ([], [], problem);
        }
        var errors = new List<CellError>();
        var cases = new Dictionary<string, (ImportedCase Case, Dictionary<string, string> Canonical)>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var cells = new RowCells(row, columns, sheet.Headers, errors);
            var reference = cells.Text(ImportColumns.CaseRef);
            if (reference.Length == 0)
            {
                cells.Error(ImportColumns.CaseRef, "The case reference is required: rows with the same one form a household.");
                continue;
            }
            if (reference.Length > MaxRefLength)
            {
                cells.Error(ImportColumns.CaseRef, "At most {0} characters.", MaxRefLength);
                continue;
            }
            var errorsBefore = errors.Count;
            if (!cases.TryGetValue(reference, out var household))
            {
                if (ReadCase(cells, reference, today) is { } read)
                {
                    household = (read, CaseColumns.ToDictionary(c => c, cells.Canonical));
                    cases[reference] = household;
                }
            }
            else
            {
                foreach (var column in CaseColumns)
                {
                    if (cells.Canonical(column) is { Length: > 0 } value && value != household.Canonical[column])
                    {
                        cells.Error(column, "Differs from row {0} of the same household.", household.Case.Row);
                    }
                }
            }
            // A row with the case's columns only is a household nobody was recorded in yet (the export writes one so).
            if (PersonColumns.All(c => cells.Text(c).Length == 0))
            {
                continue;
            }
            var person = ReadPerson(cells, household.Case?.Kind ?? ImportValues.Choice<CaseKind>(cells.Text(ImportColumns.Kind)), today);
            if (person is not null && household.Case is { } @case && errors.Count == errorsBefore)
            {
                if (@case.Kind == CaseKind.Individual && @case.People.Count > 0)
                {
                    cells.Error(ImportColumns.CaseRef, "An individual case has one person: make it a family case, or give this person another reference.");
                    continue;
                }
                @case.People.Add(person);
            }
        }
        return ([.. cases.Values.Select(h => h.Case)], errors, null);
    }

    private static ImportedCase? ReadCase(RowCells cells, string reference, DateOnly today)
    {
        var kind = cells.Choice<CaseKind>(ImportColumns.Kind, required: true);
        var referralDate = cells.Date(ImportColumns.ReferralDate, today, required: true);
        var source = cells.Choice<ReferralSource>(ImportColumns.ReferralSource, required: true);
        var referredBy = cells.Text(ImportColumns.ReferredBy);
        if (referredBy.Length > 200)
        {
            cells.Error(ImportColumns.ReferredBy, "At most {0} characters.", 200);
        }
        var status = cells.Choice<CaseStatus>(ImportColumns.Status, required: false) ?? CaseStatus.Referred;
        var admittedOn = cells.Date(ImportColumns.AdmittedOn, today, required: false);
        var closedOn = cells.Date(ImportColumns.ClosedOn, today, required: false);
        var outcome = cells.Choice<ClosureOutcome>(ImportColumns.Outcome, required: false);
        var supported = status is CaseStatus.Admitted or CaseStatus.Active or CaseStatus.Paused or CaseStatus.Closed;
        if (admittedOn is not null && !supported)
        {
            cells.Error(ImportColumns.AdmittedOn, "Only an admitted, active, paused or closed case has an admission date.");
        }
        if (admittedOn < referralDate)
        {
            cells.Error(ImportColumns.AdmittedOn, "The admission cannot come before the referral.");
        }
        if ((closedOn is not null || outcome is not null) && status != CaseStatus.Closed)
        {
            cells.Error(closedOn is not null ? ImportColumns.ClosedOn : ImportColumns.Outcome, "Only a closed case has a closure date or an outcome.");
        }
        if (closedOn < (admittedOn ?? referralDate))
        {
            cells.Error(ImportColumns.ClosedOn, "The closure cannot come before the admission.");
        }
        var address = cells.Text(ImportColumns.Address);
        // Only | between numbers: 0470/12.34.56 is one Belgian number.
        var phones = cells.Text(ImportColumns.Phone).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var error in SaveContact.Validate(new SaveContact.Input { Address = address, Phone = phones.FirstOrDefault(), OtherPhones = [.. phones.Skip(1)] }, today))
        {
            cells.Error(ColumnOfField.GetValueOrDefault(error.Field, ImportColumns.Phone), error.Message);
        }
        if (kind is null || referralDate is null || source is null)
        {
            return null;
        }
        // A case imported as supported needs the day its support began; without one, the referral's day stands in.
        var admitted = supported ? admittedOn ?? referralDate : null;
        return new ImportedCase(reference, cells.Row.Number, kind.Value, referralDate.Value, source.Value, referredBy.Length == 0 ? null : referredBy,
            status, admitted, status == CaseStatus.Closed ? closedOn ?? admitted : null, outcome, address.Length == 0 ? null : address, phones);
    }

    private static ImportedPerson? ReadPerson(RowCells cells, CaseKind? kind, DateOnly today)
    {
        var before = cells.ErrorCount;
        // An individual case's one person needs no role; in a family each person's is asked.
        var role = cells.Choice<MemberRole>(ImportColumns.Role, required: kind != CaseKind.Individual) ?? MemberRole.Other;
        var nationalityText = cells.Text(ImportColumns.Nationality);
        var nationality = nationalityText.Length == 0 ? Codes.Unknown : ImportValues.Nationality(nationalityText);
        if (nationality is null)
        {
            cells.Error(ImportColumns.Nationality, "Unknown country \"{0}\": write its name (Maroc, Marokko, Morocco) or its code (MA), or stateless.", nationalityText);
        }
        var languages = new List<string>();
        foreach (var word in ImportValues.Several(cells.Text(ImportColumns.Languages)))
        {
            if (ImportValues.Language(word) is { } code)
            {
                languages.Add(code);
            }
            else
            {
                cells.Error(ImportColumns.Languages, "Unknown language \"{0}\": write its name (arabe, Arabisch, Arabic) or its code (ar), separated by |.", word);
            }
        }
        var vulnerabilities = new List<Vulnerability>();
        foreach (var word in cells.Text(ImportColumns.Vulnerabilities).Split('|').Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            if (ImportValues.Choice<Vulnerability>(word) is { } vulnerability)
            {
                vulnerabilities.Add(vulnerability);
            }
            else
            {
                cells.Error(ImportColumns.Vulnerabilities, "Unknown vulnerability \"{0}\".", word);
            }
        }
        var input = new MemberRules.Input(
            role,
            cells.Text(ImportColumns.FirstName),
            cells.Text(ImportColumns.LastName),
            cells.Choice<Gender>(ImportColumns.Gender, required: false) ?? Gender.Unknown,
            cells.Date(ImportColumns.BirthDate, today, required: false),
            cells.Number(ImportColumns.EstimatedAge),
            nationality ?? Codes.Unknown,
            languages.Distinct().ToList(),
            [.. cells.Text(ImportColumns.Aliases).Split('|').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct()],
            vulnerabilities.Distinct().ToList(),
            ArrivalYear: cells.Number(ImportColumns.ArrivalYear),
            EverHadLegalStay: cells.YesNo(ImportColumns.EverHadLegalStay),
            AskedAsylumOnArrival: cells.YesNo(ImportColumns.AskedAsylumOnArrival));
        foreach (var error in MemberRules.Validate(input, today))
        {
            cells.Error(ColumnOfField.GetValueOrDefault(error.Field, ImportColumns.FirstName), error.Message);
        }
        return cells.ErrorCount == before ? new ImportedPerson(cells.Row.Number, input) : null;
    }

    /// <summary>One row's cells by column, recording each error against the file's own header.</summary>
    private sealed class RowCells(ImportRow row, Dictionary<string, int> columns, IReadOnlyList<string> headers, List<CellError> errors)
    {
        public ImportRow Row => row;
        public int ErrorCount => errors.Count;

        public string Text(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : "";

        /// <summary>The cell as a comparable value: what two rows of one household must agree on.</summary>
        public string Canonical(string column) => column switch
        {
            ImportColumns.Kind => Enum(ImportValues.Choice<CaseKind>(Text(column))),
            ImportColumns.ReferralSource => Enum(ImportValues.Choice<ReferralSource>(Text(column))),
            ImportColumns.Status => Enum(ImportValues.Choice<CaseStatus>(Text(column))),
            ImportColumns.Outcome => Enum(ImportValues.Choice<ClosureOutcome>(Text(column))),
            ImportColumns.ReferralDate or ImportColumns.AdmittedOn or ImportColumns.ClosedOn => ImportValues.Date(Text(column))?.ToString("O") ?? Text(column),
            _ => Text(column),
        };

        private string Enum<T>(T? value) where T : struct, System.Enum => value?.ToString() ?? "";

        public void Error(string column, string message, params object[] arguments) =>
            errors.Add(new CellError(row.Number, columns.TryGetValue(column, out var i) ? headers[i] : column, message, arguments));

        public T? Choice<T>(string column, bool required) where T : struct, System.Enum
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(column, "Required.");
                }
                return null;
            }
            var value = ImportValues.Choice<T>(text);
            if (value is null)
            {
                Error(column, "\"{0}\" is not one of: {1}.", text, string.Join(", ", System.Enum.GetValues<T>().Select(v => v.ToKebab())));
            }
            return value;
        }

        public DateOnly? Date(string column, DateOnly today, bool required)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(column, "Required.");
                }
                return null;
            }
            var date = ImportValues.Date(text);
            if (date is null)
            {
                Error(column, "\"{0}\" is not a date: write 2024-03-31 or 31/03/2024.", text);
            }
            else if (date > today && column != ImportColumns.BirthDate)
            {
                Error(column, "The date cannot be in the future.");
            }
            return date;
        }

        public int? Number(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return null;
            }
            var number = ImportValues.Number(text);
            if (number is null)
            {
                Error(column, "\"{0}\" is not a whole number.", text);
            }
            return number;
        }

        public bool? YesNo(string column)
        {
            var text = Text(column);
            if (text.Length > 0 && !ImportValues.IsYesNo(text))
            {
                Error(column, "\"{0}\" is not yes or no.", text);
            }
            return text.Length == 0 ? null : ImportValues.YesNo(text);
        }
    }
}
