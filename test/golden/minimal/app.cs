// Get all projects
//
// Run (.NET 10 or later): dotnet run app.cs
using System.Net.Http.Headers;
using System.Text;

// The API's scheme and host: the one line to change to call another server.
const string BaseUrl = "https://api.agora.io";

var username = "Your customer ID";
var password = "Your customer secret";

// Basic credentials: Base64 of the UTF-8 bytes of "username:password" (never Encoding.ASCII,
// which turns non-ASCII characters into "?").
var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));

using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + "/dev/v2/projects");
request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);

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
