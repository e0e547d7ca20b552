using MailKit.Security;

namespace Trajet.Web.Features.Reminders;

public enum SmtpSecurity { None, StartTls, Tls }

/// <summary>
/// The mail server (<c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:From</c>, optional <c>Smtp:User</c>, <c>Smtp:Password</c>,
/// <c>Smtp:Security</c> none/starttls/tls) and where the links in a mail point (<c>App:BaseUrl</c>).
/// Without a host and a sender nothing is sent, and the mail page says so.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, string? From, string? User, string? Password, SmtpSecurity Security, string BaseUrl)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public static SmtpSettings Read(IConfiguration config)
    {
        var security = config["Smtp:Security"]?.Replace("-", "", StringComparison.Ordinal) is { Length: > 0 } s
            ? Enum.Parse<SmtpSecurity>(s, ignoreCase: true)
            : SmtpSecurity.StartTls;
        var port = config.GetValue<int?>("Smtp:Port") ?? (security == SmtpSecurity.Tls ? 465 : 587);
        return new(config["Smtp:Host"], port, config["Smtp:From"], config["Smtp:User"], config["Smtp:Password"], security,
            ConfiguredBaseUrl(config) ?? "http://localhost:5000");
    }

    /// <summary><c>App:BaseUrl</c> without its trailing slash, when set: the address people open Trajet at.</summary>
    public static string? ConfiguredBaseUrl(IConfiguration config) => config["App:BaseUrl"]?.TrimEnd('/') is { Length: > 0 } url ? url : null;

    public SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>An absolute link into Trajet, for a mail read outside it.</summary>
    public string Link(string path) => BaseUrl + path;
}
