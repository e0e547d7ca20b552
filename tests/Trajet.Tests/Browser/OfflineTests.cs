using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Features.Outreach;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;
using static Microsoft.Playwright.Assertions;

namespace Trajet.Tests.Browser;

/// <summary>
/// Field capture with the network cut (Playwright's offline mode): what is typed waits on the phone, encrypted, and lands
/// once; conflicts are shown; signing out wipes the phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineTests(BrowserFixture browser)
{
    private TrajetApp App => browser.App;

    /// <summary>One worker who does both: street rounds (an outreach programme) and home visits (an active case of their own).</summary>
    private sealed record FieldWorker(string Email, Guid UserId, Guid SessionId, Guid CaseId, HttpClient Api, string OutreachSlug);

    private async Task<FieldWorker> FieldWorkerAsync()
    {
        var (organisation, family) = await App.CreateOrganisationAsync();
        var criteria = await App.AddCriteriaAsync(family, "Child under 18");
        var outreach = await App.WithDbAsync(async (db, _) =>
        {
            var programme = new Programme { OrganisationId = organisation.Id, Slug = $"round-{Guid.NewGuid():N}"[..16], Name = "Rounds", Kind = ProgrammeKind.Outreach, CasePrefix = "R" };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            return programme;
        });
        var coordinator = await App.ApiClientAsync(await App.CreateUserAsync(Roles.Coordinator, organisation, family));
        var email = await App.CreateUserAsync(Roles.CaseManager, organisation, family);
        var userId = await App.WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            var user = await users.FindByEmailAsync(email);
            await users.AddToRoleAsync(user!, Roles.OutreachWorker);
            db.UserProgrammes.Add(new UserProgramme { UserId = user!.Id, ProgrammeId = outreach.Id });
            await db.SaveChangesAsync();
            return user.Id;
        });
        var api = await App.ApiClientAsync(email);
        var today = App.Services.GetRequiredService<TimeProvider>().GetLocalNow().ToString("yyyy-MM-dd");
        var place = await OutreachTeam.IdOf(await api.PostAsJsonAsync("/api/outreach/places", new { programme = outreach.Slug, name = "Gare du Midi", type = "station", city = "Brussels", region = "Brussels-Capital" }));
        var session = await OutreachTeam.IdOf(await api.PostAsJsonAsync("/api/outreach/sessions", new { programme = outreach.Slug, kind = "outdoor-round", date = today, placeId = place, languages = new[] { "fr" } }));
        var opened = await CaseBuilder.OpenAsync(coordinator, family.Slug, date: "2026-01-05");
        await CaseBuilder.AdmitAsync(coordinator, opened.Id, criteria, screened: "2026-01-06", admitted: "2026-01-07");
        await coordinator.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { to = "active", date = "2026-01-08" }).Succeeded();
        await coordinator.PostAsJsonAsync("/api/cases/bulk", new { caseIds = new[] { opened.Id }, action = "assign", userId }).Succeeded();
        return new(email, userId, session, opened.Id, api, outreach.Slug);
    }

    internal static async Task<IPage> SignInAsync(IBrowserContext context, string email, string password = TrajetApp.Password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator("header .who")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>The offline layer has started on the page (key fetched, outbox counted).</summary>
    private static Task ReadyAsync(IPage page) => Expect(page.Locator("html[data-offline-ready]")).ToBeAttachedAsync();

    /// <summary>The service worker has kept the next days' forms (the phone opens them without network).</summary>
    private static Task KeptAsync(IPage page) => Expect(page.Locator("html[data-offline-kept]")).ToBeAttachedAsync(new() { Timeout = 15_000 });

    /// <summary>The phone's store is gone (after a sign-out, or at the next contact after "sign out everywhere").</summary>
    private static async Task WipedAsync(IPage page)
    {
        await ReadyAsync(page);
        Assert.Equal(0, await StoredRecordsAsync(page));
    }

    /// <summary>An administrator signed in to the pages; the server listens on Kestrel here, so a client of its own (cookies, no redirects).</summary>
    private async Task<HttpClient> AdminAsync() =>
        await App.SignedInBrowserAsync(await App.CreateUserAsync(Roles.Administrator),
            client: new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(browser.BaseUrl) });

    private static ILocator Badge(IPage page) => page.Locator("#outbox-badge");

    /// <summary>Every record of the phone's store and cache as text (buffers decoded), to look for names in clear.</summary>
    private static Task<string> DeviceContentsAsync(IPage page) => page.EvaluateAsync<string>("""
        async () => {
          const out = [];
          const text = v => {
            if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) out.push(new TextDecoder('latin1').decode(v));
            else if (typeof v === 'string') out.push(v);
            else if (v && typeof v === 'object') Object.values(v).forEach(text);
          };
          for (const info of await indexedDB.databases()) {
            const db = await new Promise(r => { const o = indexedDB.open(info.name); o.onsuccess = () => r(o.result); });
            for (const name of db.objectStoreNames) {
              const rows = await new Promise(r => { const q = db.transaction(name).objectStore(name).getAll(); q.onsuccess = () => r(q.result); });
              rows.forEach(text);
            }
            db.close();
          }
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) out.push(await (await cache.match(request)).text());
          }
          return out.join('\n');
        }
        """);

    private static Task<int> StoredRecordsAsync(IPage page) => page.EvaluateAsync<int>("""
        async () => {
          let n = 0;
          for (const info of await indexedDB.databases()) {
            const db = await new Promise(r => { const o = indexedDB.open(info.name); o.onsuccess = () => r(o.result); });
            for (const name of db.objectStoreNames) n += await new Promise(r => { const q = db.transaction(name).objectStore(name).count(); q.onsuccess = () => r(q.result); });
            db.close();
          }
          for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
          return n;
        }
        """);

    /// <summary>How many records one store of the phone's database holds.</summary>
    private static Task<int> StoreCountAsync(IPage page, string store) => page.EvaluateAsync<int>("""
        async store => {
          const db = await new Promise(r => { const o = indexedDB.open('trajet-offline'); o.onsuccess = () => r(o.result); });
          const n = await new Promise(r => { const q = db.transaction(store).objectStore(store).count(); q.onsuccess = () => r(q.result); });
          db.close();
          return n;
        }
        """, store);

    private async Task LogContactAsync(IPage page, string nickname)
    {
        await page.GetByLabel("Nickname (leave empty if anonymous)").FillAsync(nickname);
        await page.GetByLabel("Dublin regulation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" }).ClickAsync();
    }

    [Fact]
    public async Task Offline_ThreeContactsAndAHomeVisit_WaitOnThePhone_ThenLandOnceEach()
    {
        var worker = await FieldWorkerAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await ReadyAsync(page); // the first page fetched the pack: the next one finds it fresh and asks for nothing
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        await KeptAsync(page);

        await context.SetOfflineAsync(true);
        foreach (var n in new[] { 1, 2, 3 })
        {
            await LogContactAsync(page, $"Planted{tag}N{n}");
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved on this phone" })).ToBeVisibleAsync();
            await Expect(Badge(page)).ToHaveTextAsync(n == 1 ? "1 waiting to be sent" : $"{n} waiting to be sent");
        }
        await page.GotoAsync($"/CaseWork/LogInteraction/{worker.CaseId}");
        await ReadyAsync(page);
        await page.GetByLabel("Notes").FillAsync($"Visit note {tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Badge(page)).ToHaveTextAsync("4 waiting to be sent");

        // Still there after a reload without network; nothing readable on the phone.
        await page.ReloadAsync();
        await Expect(Badge(page)).ToHaveTextAsync("4 waiting to be sent");
        var stored = await DeviceContentsAsync(page);
        Assert.DoesNotContain($"Planted{tag}", stored);
        Assert.DoesNotContain($"Visit note {tag}", stored);
        Assert.Equal(0, await App.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == worker.SessionId)));

        await context.SetOfflineAsync(false);
        await Expect(Badge(page)).ToBeHiddenAsync(new() { Timeout = 15_000 });
        // Nor the private key that opens it, in any form.
        var privateKey = (await worker.Api.GetFromJsonAsync<JsonElement>("/api/offline/key")).GetProperty("privateKey").GetString()!;
        Assert.DoesNotContain(privateKey, stored);
        Assert.DoesNotContain(System.Text.Encoding.Latin1.GetString(Convert.FromBase64String(privateKey)), stored);

        var contacts = await App.WithDbAsync((db, _) => db.OutreachContacts.Where(c => c.SessionId == worker.SessionId).ToListAsync());
        Assert.Equal(new[] { $"Planted{tag}N1", $"Planted{tag}N2", $"Planted{tag}N3" }, contacts.Select(c => c.Nickname).Order());
        var today = DateOnly.FromDateTime(App.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        Assert.All(contacts, c => Assert.Equal((today, worker.UserId, "dublin"), (c.Date, c.RecordedByUserId!.Value, c.InformationGiven)));
        // Each contact is with its own person, created once.
        var people = await App.WithDbAsync((db, _) => db.OutreachPeople.Where(p => db.Programmes.Any(g => g.Id == p.ProgrammeId && g.Slug == worker.OutreachSlug)).ToListAsync());
        Assert.Equal(3, people.Count);
        Assert.All(contacts, c => Assert.Equal(c.Nickname, Assert.Single(people, p => p.Id == c.PersonId).Nickname));
        var visits = await App.WithDbAsync((db, _) => db.Interactions.Where(i => i.CaseId == worker.CaseId).ToListAsync());
        var visit = Assert.Single(visits);
        Assert.Equal(($"Visit note {tag}", Trajet.Web.Features.Interactions.InteractionType.HomeVisit, today), (visit.Notes, visit.Type, visit.Date));
    }

    [Fact]
    public async Task ConnectionDropsAfterTheServerSaved_TheRetryCreatesNothingNew()
    {
        var worker = await FieldWorkerAsync();
        var nickname = $"Dropped{Guid.NewGuid():N}"[..16];
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        var cut = 0;
        await page.RouteAsync("**/api/outreach/contacts", async route =>
        {
            if (cut++ == 0)
            {
                await route.FetchAsync(); // the server saves…
                await route.AbortAsync(); // …and the answer never reaches the phone
                return;
            }
            await route.ContinueAsync();
        });

        await LogContactAsync(page, nickname);
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");
        Assert.Equal(1, await App.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == worker.SessionId)));

        await page.ReloadAsync(); // the outbox sends again, with the same key
        await ReadyAsync(page);
        await Expect(Badge(page)).ToBeHiddenAsync();
        Assert.Equal(2, cut);
        Assert.Equal(1, await App.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == worker.SessionId && c.Nickname == nickname)));
    }

    [Fact]
    public async Task SessionEnds_WhileWritingAHomeVisit_TheNoteIsSentAfterSigningInAgain()
    {
        var worker = await FieldWorkerAsync();
        var notes = $"Long note {Guid.NewGuid():N}";
        await using var context = await browser.NewContextAsync(locale: "fr-BE", size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync($"/CaseWork/LogInteraction/{worker.CaseId}");
        await ReadyAsync(page);
        await page.GetByLabel("Notes").FillAsync(notes);

        // The draft is kept as the person types: a reload brings it back.
        await Expect(page.Locator("html[data-draft-saved]")).ToBeAttachedAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Notes")).ToHaveValueAsync(notes);
        await Expect(page.Locator(".offline-draft")).ToContainTextAsync("brouillon");

        // The idle timeout passes: the browser no longer sends a valid sign-in.
        await context.ClearCookiesAsync(new() { Name = "trajet.auth" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre session a pris fin" })).ToBeVisibleAsync();
        await Expect(Badge(page)).ToHaveTextAsync("1 en attente d'envoi");

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.Locator("#Input_Email").FillAsync(worker.Email);
        await page.Locator("#Input_Password").FillAsync(TrajetApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/CaseWork/LogInteraction/{worker.CaseId}"); // back to the form, signed in
        await ReadyAsync(page); // the outbox has been sent
        await Expect(Badge(page)).ToBeHiddenAsync();

        var saved = await App.WithDbAsync((db, _) => db.Interactions.Where(i => i.CaseId == worker.CaseId).ToListAsync());
        Assert.Equal(notes, Assert.Single(saved).Notes);
    }

    [Fact]
    public async Task HomeVisitDraft_ComesBackAfterACrash_AndAfterTheSessionEnded()
    {
        var worker = await FieldWorkerAsync();
        var notes = $"Draft {Guid.NewGuid():N}";
        var form = $"/CaseWork/LogInteraction/{worker.CaseId}";
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync(form);
        await ReadyAsync(page);
        await page.GetByLabel("Notes").FillAsync(notes);
        await Expect(page.Locator("html[data-draft-saved]")).ToBeAttachedAsync();

        // The browser dies with the form open: no unload handler runs, nothing reached the server.
        await page.CloseAsync(new() { RunBeforeUnload = false });
        page = await context.NewPageAsync();
        await page.GotoAsync(form);
        await Expect(page.GetByLabel("Notes")).ToHaveValueAsync(notes);

        // More is typed, then the phone sits in a pocket past the idle timeout: opening the form asks to sign in first.
        await page.GetByLabel("Notes").FillAsync($"{notes}, more");
        await Expect(page.Locator("html[data-draft-saved]")).ToBeAttachedAsync();
        await context.ClearCookiesAsync(new() { Name = "trajet.auth" });
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Accounts/Login"));
        await page.Locator("#Input_Email").FillAsync(worker.Email);
        await page.Locator("#Input_Password").FillAsync(TrajetApp.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{form}");
        await Expect(page.GetByLabel("Notes")).ToHaveValueAsync($"{notes}, more");
        await Expect(page.Locator(".offline-draft")).ToBeVisibleAsync();
        Assert.Equal(0, await App.WithDbAsync((db, _) => db.Interactions.CountAsync(i => i.CaseId == worker.CaseId))); // a draft until saved
    }

    [Fact]
    public async Task QuickNote_OpenedOfflineFromThisPhone_LandsOnceAsANote()
    {
        var worker = await FieldWorkerAsync();
        var note = $"Quick note {Guid.NewGuid():N}";
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Offline");
        await ReadyAsync(page);
        await KeptAsync(page);

        await context.SetOfflineAsync(true);
        await page.ReloadAsync(); // "This phone" and the forms of the worker's cases open without network
        await page.Locator("#device-cases").GetByRole(AriaRole.Link, new() { Name = "Add a note" }).ClickAsync();
        await ReadyAsync(page);
        await page.GetByLabel("Notes").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");
        Assert.Equal(0, await App.WithDbAsync((db, _) => db.Interactions.CountAsync(i => i.CaseId == worker.CaseId)));

        await context.SetOfflineAsync(false);
        await Expect(Badge(page)).ToBeHiddenAsync(new() { Timeout = 15_000 });
        var saved = Assert.Single(await App.WithDbAsync((db, _) => db.Interactions.Where(i => i.CaseId == worker.CaseId).ToListAsync()));
        Assert.Equal((note, Trajet.Web.Features.Interactions.InteractionType.Message), (saved.Notes, saved.Type));
    }

    [Fact]
    public async Task ThisPhone_ShowsWhatItKeeps_DeletesOneItem_OrEverything()
    {
        var worker = await FieldWorkerAsync();
        var number = await App.WithDbAsync((db, _) => db.Cases.Where(c => c.Id == worker.CaseId).Select(c => c.Number).SingleAsync());
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        await KeptAsync(page);
        await context.SetOfflineAsync(true);
        await LogContactAsync(page, $"Dropped{tag}");
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");
        await LogContactAsync(page, $"Kept{tag}");
        await Expect(Badge(page)).ToHaveTextAsync("2 waiting to be sent");

        await page.GotoAsync("/Offline");
        var waiting = page.Locator("#device-outbox > li");
        await Expect(waiting).ToHaveCountAsync(2);
        await Expect(page.Locator("#device-cases")).ToContainTextAsync(number);
        await waiting.First.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync(); // the older one
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");

        await context.SetOfflineAsync(false);
        await Expect(Badge(page)).ToBeHiddenAsync(new() { Timeout = 15_000 });
        var contacts = await App.WithDbAsync((db, _) => db.OutreachContacts.Where(c => c.SessionId == worker.SessionId).ToListAsync());
        Assert.Equal($"Kept{tag}", Assert.Single(contacts).Nickname);

        await page.ReloadAsync();
        await ReadyAsync(page);
        await KeptAsync(page);
        Assert.True(await StoredRecordsAsync(page) > 0);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete everything on this phone" }).ClickAsync();
        await Expect(page.Locator("#device-cases")).Not.ToContainTextAsync(number);
        Assert.Equal(0, await StoredRecordsAsync(page));
    }

    [Fact]
    public async Task WithoutJavaScript_TheFieldFormsSaveStraightToTheServer()
    {
        var worker = await FieldWorkerAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone, javaScript: false);
        var page = await SignInAsync(context, worker.Email);

        await page.GotoAsync("/Outreach/LogContact");
        await LogContactAsync(page, $"NoScript{tag}");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Contact saved.");
        await page.GotoAsync($"/CaseWork/LogInteraction/{worker.CaseId}");
        await page.GetByLabel("Notes").FillAsync($"Visit {tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Cases/Details/{worker.CaseId}"));

        Assert.Equal($"NoScript{tag}", Assert.Single(await App.WithDbAsync((db, _) => db.OutreachContacts.Where(c => c.SessionId == worker.SessionId).ToListAsync())).Nickname);
        Assert.Equal($"Visit {tag}", Assert.Single(await App.WithDbAsync((db, _) => db.Interactions.Where(i => i.CaseId == worker.CaseId).ToListAsync())).Notes);
        await Expect(Badge(page)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AWeekUnopened_TheDraftAndTheListAreForgotten_WhatWaitsStays()
    {
        var worker = await FieldWorkerAsync();
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync($"/CaseWork/LogInteraction/{worker.CaseId}");
        await ReadyAsync(page);
        await page.GetByLabel("Notes").FillAsync("Half a note");
        await Expect(page.Locator("html[data-draft-saved]")).ToBeAttachedAsync();
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        await KeptAsync(page);
        await context.SetOfflineAsync(true);
        await LogContactAsync(page, "Later");
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");
        Assert.Equal((1, 1, 1), (await StoreCountAsync(page, "drafts"), await StoreCountAsync(page, "pack"), await StoreCountAsync(page, "outbox")));

        // Eight days later the phone is opened again, still without network.
        await context.Clock.SetFixedTimeAsync(DateTime.UtcNow.AddDays(8));
        await page.ReloadAsync();
        await ReadyAsync(page);

        Assert.Equal((0, 0, 1), (await StoreCountAsync(page, "drafts"), await StoreCountAsync(page, "pack"), await StoreCountAsync(page, "outbox")));
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");
    }

    [Fact]
    public async Task SignOut_WipesWhatThePhoneKept()
    {
        var worker = await FieldWorkerAsync();
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Offline");
        await ReadyAsync(page);
        await KeptAsync(page);
        Assert.True(await StoredRecordsAsync(page) > 0);

        await BrowserFixture.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Accounts/Login"));
        await WipedAsync(page);
    }

    [Fact]
    public async Task SignedOutEverywhere_ThePhoneIsWipedAtItsNextContact()
    {
        var worker = await FieldWorkerAsync();
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        await context.SetOfflineAsync(true);
        await LogContactAsync(page, "Waiting");
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");

        // An administrator signs the user out everywhere (the phone was reported lost).
        using var admin = await AdminAsync();
        var edit = await Html.GetAsync(admin, $"/Admin/Users/Edit/{worker.UserId}");
        var revoked = await Html.SubmitAsync(admin, edit, "form[action$='handler=Revoke']", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, revoked.StatusCode);
        await context.SetOfflineAsync(false);
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Accounts/Login"));
        await WipedAsync(page);
        Assert.Equal(0, await App.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == worker.SessionId)));
    }

    [Fact]
    public async Task DisabledAccount_ThePhoneIsWipedAtItsNextContact()
    {
        var worker = await FieldWorkerAsync();
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        await KeptAsync(page);
        await context.SetOfflineAsync(true);
        await LogContactAsync(page, "Waiting");
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");

        // The worker has left with the phone: an administrator disables the account on its page.
        using var admin = await AdminAsync();
        var edit = await Html.GetAsync(admin, $"/Admin/Users/Edit/{worker.UserId}");
        var disabled = await Html.SubmitAsync(admin, edit, "main form", new Dictionary<string, string> { ["Input.IsActive"] = "false" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, disabled.StatusCode);
        await context.SetOfflineAsync(false);
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Accounts/Login"));
        await WipedAsync(page);
        Assert.Equal(0, await App.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == worker.SessionId)));
    }

    [Fact]
    public async Task AnotherUserSignsIn_OnThePhone_WhatTheFirstKeptIsWiped()
    {
        var worker = await FieldWorkerAsync();
        var other = await FieldWorkerAsync();
        await using var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await SignInAsync(context, worker.Email);
        await page.GotoAsync("/Outreach/LogContact");
        await ReadyAsync(page);
        await context.SetOfflineAsync(true);
        await LogContactAsync(page, "NotForOthers");
        await Expect(Badge(page)).ToHaveTextAsync("1 waiting to be sent");

        await context.ClearCookiesAsync(new() { Name = "trajet.auth" });
        await context.SetOfflineAsync(false);
        await page.GotoAsync("/Accounts/Login");
        await page.Locator("#Input_Email").FillAsync(other.Email);
        await page.Locator("#Input_Password").FillAsync("not the password");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Expect(page.Locator(".errors li")).ToBeVisibleAsync(); // the attempt failed, and the page came back

        await WipedAsync(page);
        Assert.Equal(0, await App.WithDbAsync((db, _) => db.OutreachContacts.CountAsync(c => c.SessionId == worker.SessionId)));
    }
}

/// <summary>Two phones edit the same person offline: the same field is a choice for a person, different fields merge.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineConflictTests(BrowserFixture browser)
{
    private TrajetApp App => browser.App;

    private async Task<(string Email, Guid PersonId, string Nickname)> WorkerWithAPersonAsync()
    {
        var team = await OutreachTeam.CreateAsync(App);
        var today = App.Services.GetRequiredService<TimeProvider>().GetLocalNow().ToString("yyyy-MM-dd");
        var nickname = $"Tesfa{Guid.NewGuid():N}"[..12];
        var session = await team.SessionAsync(await team.PlaceAsync("Parc Maximilien"), date: today);
        var person = await team.PersonAsync(nickname, phone: "0470 00 00 01");
        await team.ContactAsync(session, personId: person).Succeeded();
        return (team.Email, person, nickname);
    }

    private async Task<(IBrowserContext Context, IPage Page)> PhoneAsync(string email, string nickname)
    {
        var context = await browser.NewContextAsync(size: BrowserFixture.Phone);
        var page = await OfflineTests.SignInAsync(context, email);
        await page.GotoAsync("/Offline");
        await Expect(Person(page, nickname)).ToBeVisibleAsync();
        return (context, page);
    }

    /// <summary>One worker's person, open on two phones.</summary>
    private async Task<(Guid PersonId, string Nickname, (IBrowserContext, IPage) A, (IBrowserContext, IPage) B)> TwoPhonesAsync()
    {
        var (email, personId, nickname) = await WorkerWithAPersonAsync();
        return (personId, nickname, await PhoneAsync(email, nickname), await PhoneAsync(email, nickname));
    }

    private static ILocator Person(IPage page, string nickname) => page.Locator("#device-people > li", new() { HasText = nickname });

    private static async Task CorrectAsync(IPage page, string nickname, string label, string value)
    {
        var person = Person(page, nickname);
        await person.GetByText("Correct the details").ClickAsync();
        await person.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await person.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#outbox-badge")).ToHaveTextAsync("1 waiting to be sent");
    }

    /// <summary>Both phones change the phone number offline; the first lands, the second comes back online to a choice.</summary>
    private async Task<ILocator> SamePhoneChangedOnBothAsync(Guid personId, string nickname, (IBrowserContext Context, IPage Page) first, (IBrowserContext Context, IPage Page) second)
    {
        await first.Context.SetOfflineAsync(true);
        await second.Context.SetOfflineAsync(true);
        await CorrectAsync(first.Page, nickname, "Phone", "0470 11 11 11");
        await CorrectAsync(second.Page, nickname, "Phone", "0480 22 22 22");
        await first.Context.SetOfflineAsync(false);
        await Expect(first.Page.Locator("#outbox-badge")).ToBeHiddenAsync();
        Assert.Equal("0470 11 11 11", (await SavedAsync(personId)).Phone);
        await second.Context.SetOfflineAsync(false);
        var conflict = second.Page.Locator("form[data-conflict]");
        await Expect(conflict).ToBeVisibleAsync();
        return conflict;
    }

    private static async Task SaveChoiceAsync(IPage page, ILocator conflict)
    {
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Save this version" }).ClickAsync();
        await Expect(page.Locator("form[data-conflict]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#outbox-badge")).ToBeHiddenAsync();
    }

    private Task<Trajet.Web.Features.Outreach.OutreachPerson> SavedAsync(Guid id) =>
        App.WithDbAsync((db, _) => db.OutreachPeople.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task SameField_AnotherValueTyped_IsWhatLands()
    {
        var (personId, nickname, (contextA, a), (contextB, b)) = await TwoPhonesAsync();
        await using var _ = contextA;
        await using var __ = contextB;
        var conflict = await SamePhoneChangedOnBothAsync(personId, nickname, (contextA, a), (contextB, b));

        // Neither phone had it right: the worker types the number the person gave today.
        await conflict.GetByRole(AriaRole.Textbox, new() { Name = "Another value" }).FillAsync("0490 33 33 33");
        await Expect(conflict.GetByRole(AriaRole.Radio, new() { Name = "Another value" })).ToBeCheckedAsync();
        await SaveChoiceAsync(b, conflict);

        Assert.Equal("0490 33 33 33", (await SavedAsync(personId)).Phone);
    }

    [Fact]
    public async Task SameField_TheSecondPhoneChooses_DifferentFields_BothLand()
    {
        var (personId, nickname, (contextA, a), (contextB, b)) = await TwoPhonesAsync();
        await using var _ = contextA;
        await using var __ = contextB;

        // The second phone to sync is told, with both versions side by side; nothing was overwritten.
        var conflict = await SamePhoneChangedOnBothAsync(personId, nickname, (contextA, a), (contextB, b));
        await Expect(conflict).ToContainTextAsync("0480 22 22 22");
        await Expect(conflict).ToContainTextAsync("0470 11 11 11");
        await Expect(b.Locator("#outbox-badge")).ToHaveTextAsync("1 to settle");
        Assert.Equal("0470 11 11 11", (await SavedAsync(personId)).Phone);
        await conflict.GetByRole(AriaRole.Radio, new() { Name = "Your version" }).CheckAsync();
        await SaveChoiceAsync(b, conflict);
        Assert.Equal("0480 22 22 22", (await SavedAsync(personId)).Phone);

        // Different fields: both land, nobody is asked.
        await contextA.SetOfflineAsync(true);
        await contextB.SetOfflineAsync(true);
        await CorrectAsync(a, nickname, "First name", "Yonas");
        await CorrectAsync(b, nickname, "Surname", "Bekele");
        await contextA.SetOfflineAsync(false);
        await Expect(a.Locator("#outbox-badge")).ToBeHiddenAsync();
        await contextB.SetOfflineAsync(false);
        await Expect(b.Locator("#outbox-badge")).ToBeHiddenAsync();
        var saved = await SavedAsync(personId);
        Assert.Equal(("Yonas", "Bekele", "0480 22 22 22"), (saved.FirstName, saved.LastName, saved.Phone));
    }
}
