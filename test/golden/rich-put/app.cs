// Update a "widget" — with $HOME, ${x}, #{y}, {0}, %s, `tick` and \u0022
//
// Line one of the description.
// Line two mentions */ and ?> and \u000a, which must stay inside comments.
//
// Run (.NET 10 or later): dotnet run app.cs
using System.Net.Http.Headers;
using System.Text;

// The API's scheme and host: the one line to change to call another server.
const string BaseUrl = "https://api.example.com:8443";

var username = "id\"'\\$`{0}%s";
var password = "se:cr\\u0022et £ 🔑";

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (never Encoding.ASCII,
// which turns non-ASCII characters into "?").
var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
using var request = new HttpRequestMessage(HttpMethod.Put, BaseUrl + "/v1/widgets/%C3%BC-42?q=a%20b%26c%3Dd%2F%C3%A9&tag=red&tag=blue%20%F0%9F%94%91&2=two&flag=true");
request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
request.Headers.Add("Accept", "application/json");
request.Headers.Add("X-Request-Note", "quote \" backslash \\ dollar $x percent %s");
request.Content = new StringContent("""{"name":"Tab\tand newline\n and \"quote\"","price":12.5,"tags":["$x","${y}","`z`"],"nested":{"0":"zero","empty":{},"list":[]},"none":null}""", Encoding.UTF8);
request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

try
{
    using var response = await client.SendAsync(request);
    Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
    Console.WriteLine(await response.Content.ReadAsStringAsync());

    // SendAsync throws only on transport errors; an error status has to be checked here.
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (TaskCanceledException)
{
    Console.Error.WriteLine("error: the request timed out");
    return 1;
}
