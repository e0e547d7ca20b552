namespace Trajet.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    // For people to look at: what each page looks like on a phone and on a desktop.
    public static readonly string Folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    [Theory]
    [MemberData(nameof(Screen.Names), MemberType = typeof(Screen))]
    public async Task Page_IsSavedAtPhoneAndDesktopSize(string screen)
    {
        foreach (var (size, label) in new[] { (BrowserFixture.Phone, "phone"), (BrowserFixture.Desktop, "desktop") })
        {
            var page = await browser.OpenAsync(screen, size);
            await using var context = page.Context;
            var file = Path.Combine(Folder, $"{screen}-{label}.png");

            await page.ScreenshotAsync(new() { Path = file, FullPage = true });

            // A full-page shot wider than the viewport means the page scrolls sideways.
            Assert.Equal(size.Width, PngWidth(file));
        }
    }

    private static int PngWidth(string file) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(file).AsSpan(16, 4));

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Trajet.slnx")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("Trajet.slnx not found above " + AppContext.BaseDirectory);
        }
        return folder.FullName;
    }
}
