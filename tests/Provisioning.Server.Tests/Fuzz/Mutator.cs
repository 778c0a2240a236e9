using System.Text;
using System.Text.RegularExpressions;

namespace Provisioning.Server.Tests.Fuzz;

/// <summary>Ways to break a request: bit flips, truncation, duplicated, reordered and removed elements, oversized values, wrong namespaces, hostile prologs.</summary>
public static partial class Mutator
{
    private static readonly Func<byte[], Random, byte[]>[] Mutations =
    [
        FlipBits, Truncate, DuplicateElement, SwapElements, RemoveElement, Oversize, WrongNamespace, Garbage, DeepNesting, HostileProlog, InvalidUtf8,
    ];

    public static (string Name, byte[] Body) Mutate(byte[] request, Random random)
    {
        var mutation = Mutations[random.Next(Mutations.Length)];
        return (mutation.Method.Name, mutation(request, random));
    }

    private static byte[] FlipBits(byte[] body, Random random)
    {
        var copy = (byte[])body.Clone();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }
        return copy;
    }

    private static byte[] Truncate(byte[] body, Random random) => body[..random.Next(body.Length)];

    private static byte[] DuplicateElement(byte[] body, Random random) => Edit(body, random, (text, m) => text.Insert(m.Index + m.Length, m.Value));

    private static byte[] RemoveElement(byte[] body, Random random) => Edit(body, random, (text, m) => text.Remove(m.Index, m.Length));

    private static byte[] SwapElements(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        var leaves = Leaf().Matches(text);
        if (leaves.Count < 2)
        {
            return body;
        }
        var (a, b) = (leaves[random.Next(leaves.Count)], leaves[random.Next(leaves.Count)]);
        if (a.Index == b.Index)
        {
            return body;
        }
        var (first, second) = a.Index < b.Index ? (a, b) : (b, a);
        var between = text[(first.Index + first.Length)..second.Index];
        var swapped = text[..first.Index] + second.Value + between + first.Value + text[(second.Index + second.Length)..];
        return Encoding.UTF8.GetBytes(swapped);
    }

    private static byte[] Oversize(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        var leaves = Leaf().Matches(text);
        if (leaves.Count == 0)
        {
            return body;
        }
        var leaf = leaves[random.Next(leaves.Count)];
        var value = new string((char)random.Next('a', 'z' + 1), random.Next(2) == 0 ? 300 : 70_000);
        return Encoding.UTF8.GetBytes(text.Remove(leaf.Groups[2].Index, leaf.Groups[2].Length).Insert(leaf.Groups[2].Index, value));
    }

    private static byte[] WrongNamespace(byte[] body, Random random)
    {
        var text = Encoding.UTF8.GetString(body);
        var other = random.Next(3) switch
        {
            0 => "http://v3.provisioning.ws.web.verba.com/",
            1 => "http://www.w3.org/2003/05/soap-envelope",
            _ => "urn:elsewhere",
        };
        return Encoding.UTF8.GetBytes(random.Next(2) == 0
            ? text.Replace("http://v2.provisioning.ws.web.verba.com/", other, StringComparison.Ordinal)
            : text.Replace("http://schemas.xmlsoap.org/soap/envelope/", other, StringComparison.Ordinal));
    }

    private static byte[] Garbage(byte[] body, Random random)
    {
        var junk = new byte[random.Next(1, 64)];
        random.NextBytes(junk);
        var at = random.Next(body.Length);
        return [.. body[..at], .. junk, .. body[at..]];
    }

    private static byte[] DeepNesting(byte[] body, Random random) => Edit(body, random, (text, m) =>
    {
        var depth = random.Next(20, 5000);
        return text.Insert(m.Index + m.Length, string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)));
    });

    private static byte[] HostileProlog(byte[] body, Random random) => Encoding.UTF8.GetBytes(random.Next(2) == 0
        ? "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + Encoding.UTF8.GetString(body).Replace("<extension>", "<extension>&b;", StringComparison.Ordinal)
        : "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">" + Encoding.UTF8.GetString(body));

    private static byte[] InvalidUtf8(byte[] body, Random random)
    {
        var at = random.Next(body.Length);
        return [.. body[..at], 0xC3, 0x28, 0xFF, .. body[at..]];
    }

    private static byte[] Edit(byte[] body, Random random, Func<string, Match, string> edit)
    {
        var text = Encoding.UTF8.GetString(body);
        var leaves = Leaf().Matches(text);
        return leaves.Count == 0 ? body : Encoding.UTF8.GetBytes(edit(text, leaves[random.Next(leaves.Count)]));
    }

    /// <summary>An element with text content only: &lt;name&gt;value&lt;/name&gt;.</summary>
    [GeneratedRegex(@"<([A-Za-z][\w.:-]*)>([^<]*)</\1>")]
    private static partial Regex Leaf();
}
