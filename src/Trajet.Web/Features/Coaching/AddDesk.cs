namespace Trajet.Web.Features.Coaching;

/// <summary>A coordinator opens a desk of one of their programmes, with its weekly opening slots.</summary>
public static class AddDesk
{
    public static async Task<(Desk? Desk, List<FieldError> Errors)> ExecuteAsync(
        TrajetDbContext db, UserContext user, string? programme, string? name, string? address, Region? region, string? contact,
        IReadOnlyList<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> openings, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var target = user.Programmes.FirstOrDefault(p => p.Slug == programme);
        if (target is null)
        {
            errors.Add(new("programme", "Choose one of your programmes."));
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors.Add(new("name", "The name is required (at most 200 characters)."));
        }
        if (string.IsNullOrWhiteSpace(address) || address.Length > 300)
        {
            errors.Add(new("address", "The address is required (at most 300 characters)."));
        }
        if (region is null)
        {
            errors.Add(new("region", "The value is not one of the accepted values."));
        }
        if (contact?.Length > 300)
        {
            errors.Add(new("contact", "At most 300 characters."));
        }
        if (openings.Count == 0)
        {
            errors.Add(new("openings", "Give at least one opening slot."));
        }
        for (var i = 0; i < openings.Count; i++)
        {
            if (openings[i].Closes <= openings[i].Opens)
            {
                errors.Add(new($"openings[{i}].closes", "The desk must close after it opens."));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var desk = new Desk
        {
            OrganisationId = user.OrganisationId!.Value,
            ProgrammeId = target!.Id,
            Name = name!.Trim(),
            Address = address!.Trim(),
            Region = region!.Value,
            Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(),
        };
        desk.Openings.AddRange(openings.Select(o => new DeskOpening { DeskId = desk.Id, Day = o.Day, Opens = o.Opens, Closes = o.Closes }));
        db.Desks.Add(desk);
        await db.SaveChangesAsync(ct);
        return (desk, errors);
    }
}
