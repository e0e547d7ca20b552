using System.Net.Http.Headers;
using System.Text;

namespace Trajet.Tests.Features.Documents;

/// <summary>Small real files, built here, and the multipart form a client sends.</summary>
public static class DocumentFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
        "trailer <</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Text() => Encoding.UTF8.GetBytes("This is not a PDF, whatever its name says.\n");

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static MultipartFormDataContent Form(string type = "support-letter", string title = "Letter from the school", DateOnly? issueDate = null,
        DateOnly? expiryDate = null, byte[]? file = null, string fileName = "letter.pdf", string declaredType = "application/pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(type), "type" },
            { new StringContent(title), "title" },
            { new StringContent((issueDate ?? Today.AddDays(-10)).ToString("yyyy-MM-dd")), "issueDate" },
            { new StringContent("Original seen at the office."), "notes" },
        };
        if (expiryDate is { } expiry)
        {
            form.Add(new StringContent(expiry.ToString("yyyy-MM-dd")), "expiryDate");
        }
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
            form.Add(content, "file", fileName);
        }
        return form;
    }
}
