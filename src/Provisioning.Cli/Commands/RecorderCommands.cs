using System.CommandLine;
using Provisioning.Cli.Output;
using Provisioning.Core.Recorders;

namespace Provisioning.Cli.Commands;

/// <summary>
/// recorders add, list, show, remove, rotate-secret: the registry of recording servers (spec §7), a secret printed once,
/// when issued; and apply, which brings recorders to the current configuration as applyExtensionConfiguration does.
/// </summary>
internal static class RecorderCommands
{
    public static Command Create(CommandContext context) => new("recorders", "Recording servers: the environments they record and the secret they read their configuration with")
    {
        Add(context), List(context), Show(context), Remove(context), RotateSecret(context), Apply(context),
    };

    private static Argument<string> Name() => new("name") { Description = "The recorder's name (its location)" };

    private static Command Add(CommandContext context)
    {
        var (name, json) = (Name(), Options.Json());
        var eids = new Option<string[]>("--eid") { Description = "An environment it records (repeat for more; 0000 for all)", Required = true, AllowMultipleArgumentsPerToken = false };
        var push = new Option<string?>("--push-url") { Description = "Where its configuration may be pushed" };
        var command = new Command("add", "Register a recorder and print its secret, once") { name, eids, push, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var added = await session.Recorders.AddAsync(session.Caller, parse.GetValue(name), parse.GetValue(eids) ?? [], parse.GetValue(push), ct);
            return added.IsOk ? await IssuedAsync(session, added.Value, parse.GetValue(json)) : session.Fail(added.ToFailure());
        });
        return command;
    }

    private static Command List(CommandContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List recorders with the revision they applied and the current one") { json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var listed = await session.Recorders.ListAsync(session.Caller, ct);
            if (!listed.IsOk)
            {
                return session.Fail(listed.ToFailure());
            }
            new Printer(session.Console).List(listed.Value.Select(View).ToArray(), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var (name, json) = (Name(), Options.Json());
        var command = new Command("show", "Show one recorder") { name, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var shown = await session.Recorders.ShowAsync(session.Caller, parse.GetValue(name)!, ct);
            if (!shown.IsOk)
            {
                return session.Fail(shown.ToFailure());
            }
            new Printer(session.Console).One(View(shown.Value), parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(CommandContext context)
    {
        var name = Name();
        var command = new Command("remove", "Remove a recorder; its secret stops working") { name };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var removed = await session.Recorders.RemoveAsync(session.Caller, parse.GetValue(name)!, ct);
            if (!removed.IsOk)
            {
                return session.Fail(removed);
            }
            await session.Console.Out.WriteLineAsync($"Removed recorder {parse.GetValue(name)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RotateSecret(CommandContext context)
    {
        var (name, json) = (Name(), Options.Json());
        var command = new Command("rotate-secret", "Issue a new secret and print it, once; the old one stops working") { name, json };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var rotated = await session.Recorders.RotateSecretAsync(session.Caller, parse.GetValue(name)!, ct);
            return rotated.IsOk ? await IssuedAsync(session, rotated.Value, parse.GetValue(json)) : session.Fail(rotated.ToFailure());
        });
        return command;
    }

    private static Command Apply(CommandContext context)
    {
        var names = new Argument<string[]>("name") { Description = "The recorders to reach (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var force = new Option<bool>("--force") { Description = "Send to recorders that already run the current revision too" };
        var json = Options.Json();
        var command = new Command("apply", "Push the current configuration to recorders (or announce it to those that pull) and report each; exit 1 if one failed")
        {
            names, force, json,
        };
        context.SetAction(command, async (session, parse, ct) =>
        {
            var targets = (parse.GetValue(names) ?? []).Select(n => new ApplyTarget(null, n)).ToArray();
            var applied = await session.Applier.ApplyAsync(session.Caller, targets, returnSuccessful: true, parse.GetValue(force), ct);
            if (!applied.IsOk)
            {
                return session.Fail(applied.ToFailure());
            }
            new Printer(session.Console).List(applied.Value.Select(View).ToArray(), parse.GetValue(json));
            return applied.Value.All(s => s.Success) ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return command;
    }

    private static async Task<int> IssuedAsync(CliSession session, IssuedSecret issued, bool json)
    {
        if (json)
        {
            await session.Console.Out.WriteLineAsync(Printer.ToJson(new View { ["name"] = issued.Recorder.Name, ["secret"] = issued.Secret }));
            return ExitCodes.Ok;
        }
        await session.Console.Out.WriteLineAsync($"Recorder {issued.Recorder.Name}: its secret is shown this once, keep it now:");
        await session.Console.Out.WriteLineAsync(issued.Secret);
        return ExitCodes.Ok;
    }

    private static View View(ApplyStatus s) => new()
    {
        ["name"] = s.Location,
        ["eids"] = s.Eid,
        ["revision"] = s.Revision,
        ["success"] = s.Success,
        ["message"] = s.Message,
    };

    private static View View(RecorderStatus s) => new()
    {
        ["name"] = s.Recorder.Name,
        ["eids"] = string.Join(',', s.Recorder.Environments),
        ["pushUrl"] = s.Recorder.PushUrl,
        ["revision"] = s.CurrentRevision,
        ["appliedRevision"] = s.Recorder.AppliedRevision,
        ["lastContact"] = s.Recorder.LastContact,
        ["upToDate"] = s.UpToDate,
    };
}
