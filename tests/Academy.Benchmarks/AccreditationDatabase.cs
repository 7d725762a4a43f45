using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Academy.Benchmarks;

/// <summary>One row for the hours ledger (HoursLedger, see src/Academy.Accreditation/Models/AccreditationRecords.cs).</summary>
public sealed record LedgerSeedRow(
    string IdempotencyKey, string Kind, string? UserId, string Email, string Name, string RegisterId, decimal Hours, DateOnly ActivityDate,
    string OfferingId, string OfferingTitle, long? EnrolmentId, string? OrganisationId, string? ThemeNames, string? Reason);

/// <summary>A register as the seeding needs it: its number format.</summary>
public sealed record RegisterFormat(string Id, string Prefix, int Digits);

/// <summary>What the workflow has written for one edition so far.</summary>
public sealed record WorkflowCounts(int Certificates, int DistinctCertificateEnrolments, int Awards, int DistinctAwards, int MailsSent, int MailsQueued, int MailsDead, int Faulted)
{
    public override string ToString() =>
        $"{Certificates} certificates, {Awards} award entries, {MailsSent} mails sent ({MailsQueued} queued, {MailsDead} dead), {Faulted} faulted workflow instances";
}

/// <summary>
/// The accreditation module's tables read (and, for seeding, appended to) straight in the site's database: the
/// benchmark checks what was stored, and seeds a large ledger far faster than the site's own pages could.
/// Appending is what the ledger allows (its triggers refuse UPDATE and DELETE); these rows are never changed.
/// </summary>
public sealed class AccreditationDatabase(EnrolmentDatabase database)
{
    private const string LedgerColumns =
        "\"IdempotencyKey\", \"Kind\", \"PersonId\", \"RegisterId\", \"Hours\", \"ActivityDate\", " +
        "\"OfferingId\", \"OfferingTitle\", \"EnrolmentId\", \"OrganisationId\", \"ThemeNames\", \"Reason\", \"CreatedByUserId\", \"CreatedUtc\"";

    /// <summary>Account ids by lower-cased e-mail address.</summary>
    public async Task<Dictionary<string, string>> UserIdsAsync(IEnumerable<string> emails)
    {
        var wanted = emails.Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Email" FROM "AspNetUsers" WHERE "Email" IS NOT NULL""";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var email = reader.GetString(1).ToLowerInvariant();
            if (wanted.Contains(email))
            {
                ids[email] = reader.GetString(0);
            }
        }
        return ids;
    }

    public async Task<List<RegisterFormat>> RegistersAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Prefix", "Digits" FROM "Registers" ORDER BY "SortOrder", "Id" """;
        var registers = new List<RegisterFormat>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            registers.Add(new RegisterFormat(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }
        return registers;
    }

    /// <summary>A valid register number and consent for every account, so the register exports have reportable rows.</summary>
    public async Task SeedRegisterProfilesAsync(IReadOnlyList<string> userIds, IReadOnlyList<RegisterFormat> registers)
    {
        var now = DateTime.UtcNow;
        await using var connection = await database.OpenAsync(writable: true);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var n = 0; n < userIds.Count; n++)
        {
            foreach (var register in registers)
            {
                await ExecuteAsync(connection, transaction,
                    """INSERT INTO "RegisterNumbers" ("UserId", "RegisterId", "Number", "UpdatedUtc") VALUES (@p0, @p1, @p2, @p3)""",
                    userIds[n], register.Id, register.Prefix + (n + 1).ToString(CultureInfo.InvariantCulture).PadLeft(register.Digits, '0'), now);
            }
            await ExecuteAsync(connection, transaction,
                """INSERT INTO "RegisterConsents" ("UserId", "Consented", "ChangedUtc") VALUES (@p0, @p1, @p2)""", userIds[n], true, now);
        }
        await transaction.CommitAsync();
    }

    /// <summary>Appends ledger rows in multi-row INSERTs of a few hundred rows, in one transaction.</summary>
    public async Task AppendLedgerAsync(IReadOnlyList<LedgerSeedRow> rows)
    {
        const int batch = 400;
        var now = DateTime.UtcNow;
        await using var connection = await database.OpenAsync(writable: true);
        await using var transaction = await connection.BeginTransactionAsync();
        var personIds = await PersonIdsAsync(connection, transaction, rows);
        for (var start = 0; start < rows.Count; start += batch)
        {
            var slice = rows.Skip(start).Take(batch).ToList();
            var sql = new StringBuilder($"INSERT INTO \"HoursLedger\" ({LedgerColumns}) VALUES ");
            var values = new List<object?>(slice.Count * 14);
            for (var i = 0; i < slice.Count; i++)
            {
                var r = slice[i];
                sql.Append(i == 0 ? "(" : ", (");
                object?[] row = [r.IdempotencyKey, r.Kind, personIds[PersonKey(r)], r.RegisterId, r.Hours, r.ActivityDate,
                    r.OfferingId, r.OfferingTitle, r.EnrolmentId, r.OrganisationId, r.ThemeNames, r.Reason, "benchmark", now];
                for (var c = 0; c < row.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append("@p").Append(values.Count);
                    values.Add(row[c]);
                }
                sql.Append(')');
            }
            await ExecuteAsync(connection, transaction, sql.ToString(), [.. values]);
        }
        await transaction.CommitAsync();
    }

    /// <summary>A person is their account, or their e-mail address without one (as the ledger resolves them).</summary>
    private static string PersonKey(LedgerSeedRow row) => row.UserId is { } userId ? "user:" + userId : "email:" + row.Email.ToLowerInvariant();

    /// <summary>The person row of every account or address in <paramref name="rows"/>; the missing ones are added.</summary>
    private static async Task<Dictionary<string, string>> PersonIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerSeedRow> rows)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, """SELECT "Id", "UserId", "Email" FROM "AccreditationPersons" WHERE "AnonymisedUtc" IS NULL"""))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = reader.IsDBNull(1) ? "email:" + reader.GetString(2) : "user:" + reader.GetString(1);
                ids.TryAdd(key, reader.GetString(0));
            }
        }
        foreach (var row in rows.Where(r => !ids.ContainsKey(PersonKey(r))).DistinctBy(PersonKey))
        {
            var id = Guid.NewGuid().ToString("n");
            await ExecuteAsync(connection, transaction, """INSERT INTO "AccreditationPersons" ("Id", "UserId", "Email", "Name") VALUES (@p0, @p1, @p2, @p3)""",
                id, row.UserId, row.Email.ToLowerInvariant(), row.Name);
            ids[PersonKey(row)] = id;
        }
        return ids;
    }

    /// <summary>Certificates, award entries and certificate mails of the edition, and faulted workflow instances.</summary>
    public async Task<WorkflowCounts> CountsAsync(string editionId, string mailSubjectPart)
    {
        await using var connection = await database.OpenAsync();
        async Task<int> Scalar(string sql, params object?[] values)
        {
            await using var command = Command(connection, null, sql, values);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var certificates = await Scalar("""SELECT COUNT(*) FROM "Certificates" WHERE "EditionId" = @p0""", editionId);
        var certificateEnrolments = await Scalar("""SELECT COUNT(DISTINCT "EnrolmentId") FROM "Certificates" WHERE "EditionId" = @p0""", editionId);
        var awards = await Scalar("""SELECT COUNT(*) FROM "HoursLedger" WHERE "EditionId" = @p0 AND "Kind" = 'Award'""", editionId);
        var distinctAwards = await Scalar(
            """SELECT COUNT(*) FROM (SELECT DISTINCT "EnrolmentId", "RegisterId" FROM "HoursLedger" WHERE "EditionId" = @p0 AND "Kind" = 'Award') AS x""", editionId);
        var like = "%" + mailSubjectPart + "%";
        var sent = await Scalar("""SELECT COUNT(*) FROM "MailMessages" WHERE "Subject" LIKE @p0 AND "Status" = 'Sent'""", like);
        var queued = await Scalar("""SELECT COUNT(*) FROM "MailMessages" WHERE "Subject" LIKE @p0 AND "Status" = 'Queued'""", like);
        var dead = await Scalar("""SELECT COUNT(*) FROM "MailMessages" WHERE "Subject" LIKE @p0 AND "Status" = 'DeadLetter'""", like);
        var faulted = await Scalar("""SELECT COUNT(*) FROM "WorkflowInstances" WHERE "Status" = 'Faulted'""");
        return new WorkflowCounts(certificates, certificateEnrolments, awards, distinctAwards, sent, queued, dead, faulted);
    }

    /// <summary>The code of one certificate of the edition (for the public check).</summary>
    public async Task<string?> CertificateCodeAsync(string editionId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = Command(connection, null, """SELECT MIN("Code") FROM "Certificates" WHERE "EditionId" = @p0""", editionId);
        return await command.ExecuteScalarAsync() as string;
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, params object?[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
