using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

/// <summary>Issue 24: a coordinator brings a spreadsheet in, in French: upload, see the errors by cell, fix, decide on a duplicate, confirm.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture browser)
{
    private const string Header = "ref_dossier;type;date_orientation;source_orientation;oriente_par;statut;role;prenom;nom;genre;date_naissance;nationalite;langues";

    [Fact]
    public async Task Coordinator_UploadsAFile_SeesTheBadCell_UploadsItFixed_SkipsADuplicate_AndImports()
    {
        var reference = $"IMP-{Guid.NewGuid():N}"[..12];
        var surname = $"Bakayoko{Guid.NewGuid():N}"[..14];
        var known = await browser.App.WithDbAsync((db, _) => db.Members
            .Where(m => m.BirthDate != null && m.ErasedOn == null && db.Cases.Any(c => c.Id == m.CaseId && c.Programme!.Slug == "plan-together"))
            .OrderBy(m => m.CreatedAt).Select(m => new { m.FirstName, m.LastName, m.BirthDate }).FirstAsync());
        string File(string birthDate) => Header + "\n"
            + $"{reference};Famille;15/01/2025;Communauté;;actif;parent;Mariam;{surname};femme;{birthDate};Côte d'Ivoire;français|bambara\n"
            + $"{reference};Famille;15/01/2025;Communauté;;actif;enfant;Issa;{surname};garçon;03/03/2017;Côte d'Ivoire;français\n"
            + $"{reference}-B;individuel;20/01/2025;Détention;;orienté;;{known.FirstName};{known.LastName};;{known.BirthDate:dd/MM/yyyy};inconnu;\n";
        await using var context = await browser.NewContextAsync(locale: "fr-BE");
        var page = await BrowserFixture.SignInAsync(context, "coordinator@ngo.demo");

        await page.GotoAsync("/Imports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer des ménages" })).ToBeVisibleAsync();
        await page.GetByLabel("Programme").SelectOptionAsync("plan-together");
        await page.GetByLabel("Tableur").SetInputFilesAsync(new FilePayload { Name = "menages.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("31/02/1990")) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();

        await page.WaitForURLAsync("**/Imports/Review/**");
        var bad = page.Locator("tr[data-row='2'] td.cell-error");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad).ToHaveAttributeAsync("data-error-column", "date_naissance");
        await Expect(bad).ToContainTextAsync("« 31/02/1990 » n'est pas une date");
        await Expect(page.Locator("[data-import-errors]")).ToContainTextAsync("rien ne le sera");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = false })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Charger le fichier corrigé" }).ClickAsync();
        await page.WaitForURLAsync("**/Imports");
        await page.GetByLabel("Programme").SelectOptionAsync("plan-together");
        await page.GetByLabel("Tableur").SetInputFilesAsync(new FilePayload { Name = "menages.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("02/05/1990")) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();

        await page.WaitForURLAsync("**/Imports/Review/**");
        await Expect(page.Locator("td.cell-error")).ToHaveCountAsync(0);
        var duplicate = page.Locator("fieldset[data-duplicate-row='4']");
        await Expect(duplicate).ToContainTextAsync("Même personne que");
        await Expect(page.Locator("[data-would-create-cases]")).ToHaveTextAsync("2");
        await duplicate.GetByLabel("Ignorer cette ligne").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 2 ménages et 3 personnes" }).ClickAsync();

        await page.WaitForURLAsync("**/Imports?cases=1&people=2");
        await Expect(page.Locator("[data-imported]")).ToHaveTextAsync("Importé : 1 nouveaux ménages, 2 nouvelles personnes.");
        var imported = await browser.App.WithDbAsync((db, _) => db.Members.Where(m => db.Cases.Any(c => c.Id == m.CaseId && c.ExternalRef == reference))
            .OrderBy(m => m.FirstName).Select(m => m.FirstName + " " + m.Nationality).ToListAsync());
        Assert.Equal(["Issa CI", "Mariam CI"], imported);
        Assert.False(await browser.App.WithDbAsync((db, _) => db.Cases.AnyAsync(c => c.ExternalRef == reference + "-B")));
    }
}
