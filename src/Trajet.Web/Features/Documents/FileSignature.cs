namespace Trajet.Web.Features.Documents;

/// <summary>What a file is, read from its first bytes: the extension and the declared type can lie.</summary>
public static class FileSignature
{
    public sealed record Kind(string ContentType, string Extension);

    public static readonly Kind Pdf = new("application/pdf", ".pdf");
    public static readonly Kind Png = new("image/png", ".png");
    public static readonly Kind Jpeg = new("image/jpeg", ".jpg");

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 8;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public static Kind? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(PdfMagic) ? Pdf
        : header.StartsWith(PngMagic) ? Png
        : header.StartsWith(JpegMagic) ? Jpeg
        : null;

    /// <summary>The client's name reduced to safe characters, with the extension of what the file really is.</summary>
    public static string SafeName(string? clientName, Kind kind)
    {
        var name = Path.GetFileName((clientName ?? "").Replace('\\', '/'));
        var stem = Path.GetFileNameWithoutExtension(name);
        var safe = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '(' or ')' ? c : '_').ToArray()).Trim();
        if (safe.Length > 100)
        {
            safe = safe[..100];
        }
        return (safe.Length == 0 ? "document" : safe) + kind.Extension;
    }
}
