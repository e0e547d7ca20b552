using System.Globalization;
using System.Text;
using Trajet.Web.Features.Reminders;

namespace Trajet.Web.Features.Coaching;

/// <summary>
/// The invitation letter as an e-mail to the person: when it may go, and the letter as text and HTML. Pure. The letter
/// is the one thing that names the person, and it goes only to them; its subject does not name them.
/// </summary>
public static class InvitationMail
{
    public const string NoAddress = "The household has no e-mail address: add the person's own address on the address and phones page first.";
    public const string NoConsent = "The person has not agreed to be contacted by e-mail, or withdrew that consent: record it on the consents page first.";
    public const string Cancelled = "The appointment was cancelled: the letter is not e-mailed.";

    public sealed record Content(string Subject, string Text, string Html);

    /// <summary>One mail per invitation: writing this key is what claims the send, so a repeat sends nothing more.</summary>
    public static string KeyOf(Guid invitationId) => $"invitation:{invitationId:N}";

    /// <summary>Why the letter cannot be e-mailed, or null: an address the person gave, and their consent in force.</summary>
    public static string? Refusal(string? email, bool consented, AppointmentStatus status) =>
        string.IsNullOrWhiteSpace(email) ? NoAddress
        : !consented ? NoConsent
        : status == AppointmentStatus.Cancelled ? Cancelled
        : null;

    public static Content Compose(InvitationLetter.Letter letter)
    {
        var text = new StringBuilder()
            .AppendLine(letter.Addressee).AppendLine(letter.Dated).AppendLine()
            .AppendLine(letter.Subject).AppendLine()
            .AppendLine(letter.Salutation).AppendLine();
        foreach (var paragraph in letter.Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }
        text.AppendLine(letter.Closing).AppendLine(letter.Signature);

        var html = MailHtml.Begin(letter.Language, letter.Subject)
            .Append(CultureInfo.InvariantCulture, $"<p>{E(letter.Signature)}</p><p>{E(letter.Addressee)}</p><p>{E(letter.Dated)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:1.25em\">{E(letter.Subject)}</h1><p>{E(letter.Salutation)}</p>");
        foreach (var paragraph in letter.Paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(letter.Closing)}</p><p>{E(letter.Signature)}</p>{MailHtml.End}");
        return new Content(letter.Subject, text.ToString(), html.ToString());
    }

    /// <summary>The outbox row for the letter, due now.</summary>
    public static OutgoingMail Mail(Invitation invitation, string to, Content content, DateTime now) => new()
    {
        Key = KeyOf(invitation.Id),
        Kind = MailKind.Invitation,
        OrganisationId = invitation.OrganisationId,
        To = to,
        Subject = content.Subject,
        Text = content.Text,
        Html = content.Html,
        Lines = 1,
        NextAttemptAt = now,
    };

    private static string E(string s) => MailHtml.E(s);
}
