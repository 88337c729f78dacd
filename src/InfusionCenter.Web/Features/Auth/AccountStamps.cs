using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InfusionCenter.Web.Features.Auth;

/// <summary>
/// What a bearer token is checked against on every request (its account's security stamp and lockout), kept in memory
/// so an API request does not read the account each time. Any change to an account or its roles through EF Core (the
/// admin service, UserManager, sign-in counters) forgets that account at once (<see cref="AccountChangeInterceptor"/>);
/// an entry also lapses after <see cref="Lifetime"/>, the bound for a change made by another app instance.
/// </summary>
public sealed class AccountStamps(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The generation to pass to <see cref="Remember"/>: read it before reading the account.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>True with the verdict when the account is known: valid when the stamp matches and it is not locked.</summary>
    public bool TryCheck(string userId, string? stamp, out bool valid)
    {
        valid = false;
        if (!_entries.TryGetValue(userId, out var entry) || entry.Until <= clock.GetUtcNow())
        {
            return false;
        }

        valid = stamp is not null && string.Equals(entry.Stamp, stamp, StringComparison.Ordinal)
            && !(entry.LockoutEnabled && entry.LockoutEnd > clock.GetUtcNow());
        return true;
    }

    /// <summary>
    /// Keeps what was read for <paramref name="user"/>, unless an account changed since <paramref name="generation"/>
    /// (the read might then predate that change).
    /// </summary>
    public void Remember(AppUser user, long generation)
    {
        var entry = new Entry(user.SecurityStamp, user.LockoutEnabled, user.LockoutEnd, clock.GetUtcNow() + Lifetime);
        if (Generation == generation)
        {
            _entries[user.Id] = entry;
            if (Generation != generation)
            {
                _entries.TryRemove(user.Id, out _); // a change raced the store: drop it rather than keep a stale stamp
            }
        }
    }

    /// <summary>Forgets these accounts (and invalidates reads in flight).</summary>
    public void Forget(IEnumerable<string> userIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (var id in userIds)
        {
            _entries.TryRemove(id, out _);
        }
    }

    private sealed record Entry(string? Stamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, DateTimeOffset Until);
}

/// <summary>Tells <see cref="AccountStamps"/> about every saved change to an account or its roles, before and after the save.</summary>
public sealed class AccountChangeInterceptor(AccountStamps stamps) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    private void Forget(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Before the save and again after it (the entries are still tracked then): a read between the two is refused by the generation.
        var ids = context.ChangeTracker.Entries()
            .Select(e => e.Entity switch
            {
                AppUser user => user.Id,
                IdentityUserRole<string> role => role.UserId,
                _ => null,
            })
            .OfType<string>()
            .ToList();
        if (ids.Count > 0)
        {
            stamps.Forget(ids);
        }
    }
}
