using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Trajet.Tests.Infrastructure;

/// <summary>Reads pages as a browser would (AngleSharp) and submits their forms with the antiforgery token.</summary>
public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(r => r.Content(content).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Posts the form (the first one matching the selector) with its own fields, overridden by <paramref name="values"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked && !values.ContainsKey(box.Name!):
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !values.ContainsKey(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }
        fields.AddRange(values.SelectMany(v => v.Value.Split('\u001f').Select(x => new KeyValuePair<string, string>(v.Key, x))));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url;
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            return client.GetAsync(action.Split('?')[0] + "?" + string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        }
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static HttpClient BrowserClient(this TrajetApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login page, as a person would.</summary>
    /// <param name="client">One that keeps cookies and follows no redirect; by default, the test server's.</param>
    public static async Task<HttpClient> SignedInBrowserAsync(this TrajetApp app, string email, string password = TrajetApp.Password, HttpClient? client = null)
    {
        client ??= app.BrowserClient();
        var login = await GetAsync(client, "/Accounts/Login");
        var response = await SubmitAsync(client, login, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/Accounts/LoginWithCode", StringComparison.Ordinal))
        {
            var step = await GetAsync(client, response.Headers.Location.OriginalString);
            var code = await app.TwoFactorCodeAsync(email) ?? throw new InvalidOperationException($"{email} has no authenticator");
            response = await SubmitAsync(client, step, "#code-form", new Dictionary<string, string> { ["Input.Code"] = code });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        return client;
    }
}
