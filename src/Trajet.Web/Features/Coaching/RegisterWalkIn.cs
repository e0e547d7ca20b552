using System.Text.Json.Serialization;

namespace Trajet.Web.Features.Coaching;

/// <summary>Puts someone who came to the desk without an appointment in the register and the queue of the day.</summary>
public static class RegisterWalkIn
{
    /// <summary>What the desk's form and the API send; a blank date or time is the desk's today and now.</summary>
    public sealed record Input
    {
        public DateOnly? Date { get; init; }
        [JsonConverter(typeof(TimeOfDayJson))]
        public TimeOnly? ArrivedAt { get; init; }
        public string? Name { get; init; }
        public string? Language { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool InterpreterNeeded { get; init; }
        [JsonConverter(typeof(NullIsFalse))]
        public bool FirstVisit { get; init; }
        public Guid? CaseId { get; init; }
        public string? CaseNumber { get; init; }
        public string? Question { get; init; }
    }

    /// <param name="now">The desk's local date and time: arrival defaults to it and cannot be after it.</param>
    public static async Task<Result<WalkIn>> ExecuteAsync(TrajetDbContext db, UserContext user, Desk desk, Input input, DateTime now, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var date = input.Date ?? DateOnly.FromDateTime(now);
        var arrived = input.ArrivedAt ?? TimeOnly.FromDateTime(now);
        if (date.ToDateTime(arrived) > now)
        {
            errors.Add(new("arrivedAt", "The arrival cannot be in the future."));
        }
        else if (!OpeningHours.IsOpen(desk.Openings, date, arrived))
        {
            errors.Add(new("arrivedAt", "The desk is closed at that time: walk-ins are received only during its opening hours."));
        }
        if (input.Language is { Length: > 0 } language && !Codes.IsLanguage(language.Trim().ToLowerInvariant()))
        {
            errors.Add(new("language", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (input.Name?.Length > 200)
        {
            errors.Add(new("name", "At most 200 characters."));
        }
        if (input.Question?.Length > 2000)
        {
            errors.Add(new("question", "At most 2000 characters."));
        }

        Case? known = null;
        if (input.CaseId is { } caseId)
        {
            known = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        }
        else if (!string.IsNullOrWhiteSpace(input.CaseNumber))
        {
            var number = input.CaseNumber.Trim().ToUpperInvariant();
            known = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
        }
        var askedForCase = input.CaseId is not null || !string.IsNullOrWhiteSpace(input.CaseNumber);
        if (askedForCase && known is null)
        {
            errors.Add(new(input.CaseId is null ? "caseNumber" : "caseId", "No case of yours has this reference."));
        }
        if (!input.FirstVisit && !askedForCase)
        {
            errors.Add(new("caseNumber", "Link the known case, or mark this as a first visit."));
        }
        // A linked case wins over the "first visit" box, which the desk form ticks by default.
        if (input.FirstVisit && !askedForCase && string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new("name", "Give the name of a person on a first visit."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var walkIn = new WalkIn
        {
            OrganisationId = desk.OrganisationId,
            ProgrammeId = desk.ProgrammeId,
            DeskId = desk.Id,
            Date = date,
            ArrivedAt = new TimeOnly(arrived.Hour, arrived.Minute),
            Name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim(),
            Language = string.IsNullOrWhiteSpace(input.Language) ? null : input.Language.Trim().ToLowerInvariant(),
            InterpreterNeeded = input.InterpreterNeeded,
            FirstVisit = input.FirstVisit && known is null,
            CaseId = known?.Id,
            Question = string.IsNullOrWhiteSpace(input.Question) ? null : input.Question.Trim(),
            RegisteredByUserId = user.Id,
        };
        db.WalkIns.Add(walkIn);
        if (known is not null)
        {
            await CoachingFiles.FollowAtDeskAsync(db, known.Id, desk.Id, ct);
        }
        await db.SaveChangesAsync(ct);
        return walkIn;
    }
}

/// <summary>The queue of a desk's day: who waits, who is being seen by whom, who is done.</summary>
public static class DeskQueue
{
    public sealed record Entry(
        Guid Id, DateOnly Date, TimeOnly ArrivedAt, string? Name, string? Language, bool InterpreterNeeded, bool FirstVisit,
        Guid? CaseId, string? CaseNumber, string? Question, WalkInStatus Status, Guid? SeenByUserId, string? SeenBy, TimeOnly? CalledAt,
        WalkInOutcome? Outcome, string? OutcomeNotes);

    public static Task<List<Entry>> OfDayAsync(TrajetDbContext db, Guid deskId, DateOnly date, bool hideNames, CancellationToken ct) =>
        db.WalkIns.AsNoTracking().Where(w => w.DeskId == deskId && w.Date == date)
            .OrderBy(w => w.ArrivedAt).ThenBy(w => w.CreatedAt)
            .Select(w => new Entry(w.Id, w.Date, w.ArrivedAt, hideNames ? null : w.Name, w.Language, w.InterpreterNeeded, w.FirstVisit,
                w.CaseId, db.Cases.Where(c => c.Id == w.CaseId).Select(c => c.Number).FirstOrDefault(), hideNames ? null : w.Question,
                w.Status, w.SeenByUserId, db.Users.Where(u => u.Id == w.SeenByUserId).Select(u => u.DisplayName).FirstOrDefault(), w.CalledAt,
                w.Outcome, hideNames ? null : w.OutcomeNotes))
            .ToListAsync(ct);

    /// <summary>The coach calls the person who has waited longest; null when nobody waits.</summary>
    public static async Task<WalkIn?> CallNextAsync(TrajetDbContext db, UserContext user, Guid deskId, DateOnly date, TimeOnly now, CancellationToken ct)
    {
        // Two coaches calling at once: the loser of the version check takes the next person.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var next = await db.WalkIns.Where(w => w.DeskId == deskId && w.Date == date && w.Status == WalkInStatus.Waiting)
                .OrderBy(w => w.ArrivedAt).ThenBy(w => w.CreatedAt).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                return null;
            }
            next.Status = WalkInStatus.BeingSeen;
            next.SeenByUserId = user.Id;
            next.CalledAt = new TimeOnly(now.Hour, now.Minute);
            try
            {
                await db.SaveChangesAsync(ct);
                return next;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(next).State = EntityState.Detached;
            }
        }
        return null;
    }

    public static async Task<List<FieldError>> FinishAsync(TrajetDbContext db, UserContext user, WalkIn walkIn, WalkInOutcome? outcome, string? notes, string? caseNumber, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (walkIn.Status == WalkInStatus.Done)
        {
            errors.Add(new("outcome", "The outcome of this visit is already recorded."));
        }
        if (outcome is null)
        {
            errors.Add(new("outcome", "Choose the outcome."));
        }
        if (notes?.Length > 2000)
        {
            errors.Add(new("outcomeNotes", "At most 2000 characters."));
        }
        Case? linked = null;
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            var number = caseNumber.Trim().ToUpperInvariant();
            linked = await db.Cases.Visible(user).AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
            if (linked is null)
            {
                errors.Add(new("caseNumber", "No case of yours has this reference."));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        walkIn.Status = WalkInStatus.Done;
        walkIn.Outcome = outcome;
        walkIn.OutcomeNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        walkIn.SeenByUserId ??= user.Id;
        if (linked is not null)
        {
            walkIn.CaseId = linked.Id;
            await CoachingFiles.FollowAtDeskAsync(db, linked.Id, walkIn.DeskId, ct);
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
