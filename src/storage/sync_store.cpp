// The laptop's side of the team hub: the change log it sends, and the hub's changes applied per field,
// the later clock winning and a value both sides changed kept in the conflict list.
#include "core/bundle.hpp"
#include "storage/sql_support.hpp"
#include "storage/sync_records.hpp"
#include "storage/sync_rows.hpp"

#include <sqlite3.h>

namespace mw {

using namespace sql;

namespace {

std::string metaValue(StatementCache& db, const char* key) {
    auto q = db.prepare("SELECT value FROM meta WHERE key = ?");
    q->bind(1, key);
    return q->executeStep() ? q->getColumn(0).getString() : std::string();
}

void setMeta(StatementCache& db, const char* key, const std::string& value) {
    auto q = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                        "value = excluded.value");
    q->bind(1, key);
    q->bind(2, value);
    q->exec();
}

std::int64_t metaNumber(StatementCache& db, const char* key) {
    const std::string text = metaValue(db, key);
    return text.empty() ? 0 : std::stoll(text);
}

struct Clock {
    std::int64_t hlc = 0;
    std::string origin;
    bool later(const Clock& other) const { return laterThan(hlc, origin, other.hlc, other.origin); }
};

bool tombstoned(StatementCache& db, const std::string& kind, const std::string& key) {
    auto q = db.prepare("SELECT 1 FROM sync_tombstones WHERE kind = ? AND key = ?");
    q->bind(1, kind);
    q->bind(2, key);
    return q->executeStep();
}

std::optional<Clock> knownClock(StatementCache& db, const std::string& kind, const std::string& key,
                                const std::string& field) {
    auto q = db.prepare("SELECT hlc, origin FROM sync_fields WHERE kind = ? AND key = ? AND field = ? "
                        "UNION ALL SELECT hlc, origin FROM sync_records WHERE kind = ? AND key = ? LIMIT 1");
    q->bind(1, kind);
    q->bind(2, key);
    q->bind(3, field);
    q->bind(4, kind);
    q->bind(5, key);
    if (q->executeStep())
        return Clock{q->getColumn(0).getInt64(), q->getColumn(1).getString()};
    return std::nullopt;
}

// This laptop's latest change to the field that the hub has not confirmed yet.
struct PendingValue {
    Clock clock;
    nlohmann::json value;
};
std::optional<PendingValue> pendingValue(StatementCache& db, const std::string& origin,
                                         const std::string& kind, const std::string& key,
                                         const std::string& field) {
    auto q = db.prepare("SELECT hlc, json_extract(fields, ?1) IS NULL, json(json_quote(json_extract(fields, "
                        "?1))) FROM sync_outbox WHERE kind = ?2 AND key = ?3 AND op <> 'delete' AND "
                        "json_type(fields, ?1) IS NOT NULL ORDER BY seq DESC LIMIT 1");
    const std::string path = "$.\"" + field + "\"";
    q->bind(1, path);
    q->bind(2, kind);
    q->bind(3, key);
    if (!q->executeStep())
        return std::nullopt;
    PendingValue pending{{q->getColumn(0).getInt64(), origin}, nlohmann::json()};
    if (q->getColumn(1).getInt() == 0)
        pending.value = parsedOrNull(q->getColumn(2).getString());
    return pending;
}

bool pendingDelete(StatementCache& db, const std::string& kind, const std::string& key) {
    auto q = db.prepare("SELECT 1 FROM sync_outbox WHERE kind = ? AND key = ? AND op = 'delete'");
    q->bind(1, kind);
    q->bind(2, key);
    return q->executeStep();
}

// Every field this laptop changed in the record and has not sent, merged in order.
nlohmann::json pendingFields(StatementCache& db, const std::string& kind, const std::string& key) {
    auto q = db.prepare("SELECT fields FROM sync_outbox WHERE kind = ? AND key = ? AND op <> 'delete' "
                        "ORDER BY seq");
    q->bind(1, kind);
    q->bind(2, key);
    nlohmann::json merged = nlohmann::json::object();
    while (q->executeStep())
        merged.update(parsedOrNull(q->getColumn(0).getString()));
    return merged;
}

void rememberClock(StatementCache& db, const std::string& kind, const std::string& key,
                   const std::string& field, const Clock& clock) {
    auto q = db.prepare(
        "INSERT INTO sync_fields (kind, key, field, hlc, origin) VALUES (?,?,?,?,?) "
        "ON CONFLICT (kind, key, field) DO UPDATE SET hlc = excluded.hlc, origin = excluded.origin");
    q->bind(1, kind);
    q->bind(2, key);
    q->bind(3, field);
    q->bind(4, static_cast<int64_t>(clock.hlc));
    q->bind(5, clock.origin);
    q->exec();
}

// The clock of a record the hub created or deleted, by one of two statements (string literals: cached).
void noteRecordClock(StatementCache& db, const SyncChange& change, const char* sql) {
    auto q = db.prepare(sql);
    q->bind(1, change.kind);
    q->bind(2, change.key);
    q->bind(3, static_cast<int64_t>(change.hlc));
    q->bind(4, change.origin);
    q->exec();
}

void recordConflict(StatementCache& db, const std::string& kind, const std::string& key,
                    const std::string& field, const std::string& description, const nlohmann::json& kept,
                    const Clock& keptClock, const nlohmann::json& lost, const Clock& lostClock) {
    auto q = db.prepare(
        "INSERT INTO sync_conflicts (kind, key, field, description, kept_value, kept_origin, "
        "kept_hlc, lost_value, lost_origin, lost_hlc, detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    q->bind(1, kind);
    q->bind(2, key);
    q->bind(3, field);
    q->bind(4, description);
    q->bind(5, kept.dump());
    q->bind(6, keptClock.origin);
    q->bind(7, static_cast<int64_t>(keptClock.hlc));
    q->bind(8, lost.dump());
    q->bind(9, lostClock.origin);
    q->bind(10, static_cast<int64_t>(lostClock.hlc));
    q->bind(11, nowIsoUtc());
    q->exec();
}

} // namespace

void Store::checkAppliedAnswer(Id answerRowId) {
    auto q = statements_->prepare("SELECT assessment_id FROM answers WHERE rowid = ?");
    q->bind(1, static_cast<int64_t>(answerRowId));
    if (!q->executeStep())
        return;
    const Id assessmentId = q->getColumn(0).getInt64();
    SQLite::Statement row(*db_, std::string("SELECT ") + kAnswerColumns + " FROM answers WHERE rowid = ?");
    row.bind(1, static_cast<int64_t>(answerRowId));
    row.executeStep();
    const Answer answer = readAnswer(row);
    auto model = modelOf(assessmentId);
    if (!model)
        throw Refused{model.error().message};
    if (auto problem = checkAnswer(**model, answer))
        throw Refused{*problem};
    // The assessment was changed when its answer was.
    auto touch = statements_->prepare("UPDATE assessments SET updated_at = max(updated_at, ?) WHERE id = ?");
    touch->bind(1, answer.updatedAt);
    touch->bind(2, static_cast<int64_t>(assessmentId));
    touch->exec();
}

Result<SyncStatus> Store::syncStatus() const {
    return guarded(path_, "read the sync status", [&]() -> Result<SyncStatus> {
        SyncStatus status;
        status.connected = db_->execAndGet("SELECT logging FROM sync_clock").getInt() == 1;
        status.hubId = metaValue(*statements_, "hub_id");
        status.hubUrl = metaValue(*statements_, "hub_url");
        status.cursor = metaNumber(*statements_, "hub_cursor");
        status.lastSync = metaValue(*statements_, "last_sync");
        status.pending = db_->execAndGet("SELECT count(*) FROM sync_outbox").getInt64();
        status.openConflicts =
            db_->execAndGet("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL").getInt64();
        return status;
    });
}

Result<void> Store::connectHub(const std::string& hubId, const std::string& hubUrl) {
    backUpIfDue();
    return guarded(path_, "connect the database to the hub", [&]() -> Result<void> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string known = metaValue(*statements_, "hub_id");
        if (!known.empty() && known != hubId)
            return fail(path_.string() + " syncs with another hub (" + known + ", not " + hubId +
                        "); a database syncs with one hub only");
        if (db_->execAndGet("SELECT logging FROM sync_clock").getInt() == 0) {
            db_->exec("UPDATE sync_clock SET hlc = max(hlc + 1, CAST((julianday('now') - 2440587.5) * "
                      "86400000.0 AS INTEGER) * 65536)");
            for (const auto& statement : logExistingRows())
                db_->exec(statement);
            db_->exec("UPDATE sync_clock SET logging = 1");
        }
        setMeta(*statements_, "hub_id", hubId);
        setMeta(*statements_, "hub_url", hubUrl);
        transaction.commit();
        return {};
    });
}

Result<std::vector<SyncChange>> Store::pendingChanges(std::size_t limit) const {
    return guarded(path_, "read the changes to send", [&]() -> Result<std::vector<SyncChange>> {
        std::vector<SyncChange> out;
        auto q = statements_->prepare(
            "SELECT seq, kind, key, client_uid, op, fields, hlc FROM sync_outbox ORDER BY seq LIMIT ?");
        q->bind(1, static_cast<int64_t>(limit));
        while (q->executeStep()) {
            SyncChange change;
            change.seq = q->getColumn(0).getInt64();
            change.origin = origin_;
            change.kind = q->getColumn(1).getString();
            change.key = q->getColumn(2).getString();
            change.clientUid = q->getColumn(3).getString();
            change.op = changeOpFromString(q->getColumn(4).getString()).value_or(ChangeOp::Update);
            change.fields = parsedOrNull(q->getColumn(5).getString());
            change.hlc = q->getColumn(6).getInt64();
            out.push_back(std::move(change));
        }
        return out;
    });
}

Result<void> Store::confirmPushed(std::int64_t lastSeq) {
    return guarded(path_, "note what the hub holds", [&]() -> Result<void> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        // What the hub holds of ours becomes what this laptop knows of each record's clocks; a clock that
        // lost to a later one here stays behind it.
        const std::string later =
            " ON CONFLICT DO UPDATE SET hlc = excluded.hlc, origin = excluded.origin "
            "WHERE excluded.hlc > hlc OR (excluded.hlc = hlc AND excluded.origin > origin)";
        SQLite::Statement records(*db_,
                                  "INSERT INTO sync_records (kind, key, hlc, origin) SELECT kind, key, hlc, "
                                  "?1 FROM sync_outbox WHERE seq <= ?2 AND op = 'insert'" +
                                      later);
        SQLite::Statement fields(*db_,
                                 "INSERT INTO sync_fields (kind, key, field, hlc, origin) SELECT o.kind, "
                                 "o.key, j.key, o.hlc, ?1 FROM sync_outbox o, json_each(o.fields) j "
                                 "WHERE o.seq <= ?2 AND o.op = 'update'" +
                                     later);
        SQLite::Statement tombstones(*db_,
                                     "INSERT INTO sync_tombstones (kind, key, hlc, origin) SELECT kind, "
                                     "key, hlc, ?1 FROM sync_outbox WHERE seq <= ?2 AND op = 'delete' "
                                     "ON CONFLICT DO NOTHING");
        for (auto* q : {&records, &fields, &tombstones}) {
            q->bind(1, origin_);
            q->bind(2, static_cast<int64_t>(lastSeq));
            q->exec();
        }
        SQLite::Statement drop(*db_, "DELETE FROM sync_outbox WHERE seq <= ?");
        drop.bind(1, static_cast<int64_t>(lastSeq));
        drop.exec();
        transaction.commit();
        return {};
    });
}

void Store::applyHubChange(const HubChange& hubChange, AppliedChanges& outcome) {
    const SyncChange& change = hubChange.change;
    if (change.origin == origin_) {
        ++outcome.ignored;
        return;
    }
    if (auto problem = malformedChange(change))
        throw Refused{*problem};
    const SyncKind* kind = findSyncKind(change.kind);
    const RecordKey key = splitKey(*kind, change.key);
    const Clock remote{change.hlc, change.origin};
    StatementCache& db = *statements_;
    // A record under an assessment that was deleted went with it.
    if (!key.assessmentUid.empty() && tombstoned(db, "assessment", key.assessmentUid)) {
        ++outcome.ignored;
        return;
    }
    if (tombstoned(db, change.kind, change.key)) {
        // Deleted here and not yet sent: the other side's edits lose to the deletion, and are kept.
        if (change.op != ChangeOp::Delete && pendingDelete(db, change.kind, change.key)) {
            recordConflict(db, change.kind, change.key, "", describeRecord(db, *kind, key), nullptr,
                           Clock{change.hlc, origin_}, change.fields, remote);
            ++outcome.conflicts;
        }
        ++outcome.ignored;
        return;
    }
    const std::optional<Id> rowId = locate(db, *kind, key);
    if (change.op == ChangeOp::Delete) {
        // Edits made here to the record, or to what belongs to it (an assessment's answers), lose to the
        // deletion and are kept in the conflict list.
        std::vector<std::pair<std::string, std::string>> edited = {{change.kind, change.key}};
        if (change.kind == "assessment") {
            auto children =
                db.prepare("SELECT DISTINCT kind, key FROM sync_outbox WHERE key >= ?1 || '/' AND "
                           "key < ?1 || '0' AND op <> 'delete' ORDER BY kind, key");
            children->bind(1, change.key);
            while (children->executeStep())
                edited.emplace_back(children->getColumn(0).getString(), children->getColumn(1).getString());
        }
        for (const auto& [editedKind, editedKey] : edited) {
            const nlohmann::json lost = pendingFields(db, editedKind, editedKey);
            const SyncKind* recordKind = findSyncKind(editedKind);
            if (lost.empty() || !recordKind)
                continue;
            recordConflict(db, editedKind, editedKey, "",
                           describeRecord(db, *recordKind, splitKey(*recordKind, editedKey)), nullptr, remote,
                           lost, Clock{change.hlc, origin_});
            ++outcome.conflicts;
            auto forget = db.prepare("DELETE FROM sync_outbox WHERE kind = ? AND key = ?");
            forget->bind(1, editedKind);
            forget->bind(2, editedKey);
            forget->exec();
        }
        if (rowId) {
            SQLite::Statement drop(*db_, std::string("DELETE FROM ") + kind->table + " WHERE rowid = ?");
            drop.bind(1, static_cast<int64_t>(*rowId));
            drop.exec();
        }
        noteRecordClock(
            db, change,
            "INSERT INTO sync_tombstones (kind, key, hlc, origin) VALUES (?,?,?,?) ON CONFLICT DO NOTHING");
        ++outcome.applied;
        return;
    }
    for (const auto& [name, value] : change.fields.items())
        checkType(fieldOf(*kind, name), value);
    if (!rowId) {
        if (change.op != ChangeOp::Insert)
            throw Refused{"it changes a " + change.kind + " this laptop was never sent"};
        if (change.kind == "snapshot")
            checkSnapshot(key, change.fields);
        const Id created = insertRecord(db, *kind, key, change.fields);
        noteRecordClock(
            db, change,
            "INSERT INTO sync_records (kind, key, hlc, origin) VALUES (?,?,?,?) ON CONFLICT DO UPDATE "
            "SET hlc = excluded.hlc, origin = excluded.origin");
        if (change.kind == "assessment")
            linkBaselines(db, key.ownUid);
        if (change.kind == "answer")
            checkAppliedAnswer(created);
        ++outcome.applied;
        return;
    }
    // A snapshot is its content: one that is here already is the same.
    if (change.kind == "snapshot") {
        ++outcome.ignored;
        return;
    }
    bool moved = false;
    for (const auto& [name, value] : change.fields.items()) {
        const SyncField& field = fieldOf(*kind, name);
        const std::optional<PendingValue> pending = pendingValue(db, origin_, change.kind, change.key, name);
        Clock local = knownClock(db, change.kind, change.key, name).value_or(Clock{});
        if (pending && pending->clock.later(local))
            local = pending->clock;
        const bool remoteWins = remote.later(local);
        if (pending && !field.quiet && pending->value != value) {
            recordConflict(db, change.kind, change.key, name, describeRecord(db, *kind, key),
                           remoteWins ? value : pending->value, remoteWins ? remote : pending->clock,
                           remoteWins ? pending->value : value, remoteWins ? pending->clock : remote);
            ++outcome.conflicts;
        }
        if (!remoteWins)
            continue;
        if (change.kind == "client" && name == std::string("name"))
            writeField(db, *kind, *rowId, field, freeClientName(db, value.get<std::string>(), key.ownUid));
        else
            writeField(db, *kind, *rowId, field, value);
        rememberClock(db, change.kind, change.key, name, remote);
        moved = true;
    }
    if (change.kind == "assessment" && change.fields.contains("baseline_uid"))
        linkBaselines(db, key.ownUid);
    if (change.kind == "answer" && moved)
        checkAppliedAnswer(*rowId);
    ++(moved ? outcome.applied : outcome.ignored);
}

Result<AppliedChanges> Store::applyHubChanges(const std::vector<HubChange>& changes) {
    if (changes.empty())
        return AppliedChanges{};
    backUpIfDue();
    return guarded(path_, "apply the hub's changes", [&]() -> Result<AppliedChanges> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        db_->exec("UPDATE sync_clock SET logging = 0");
        AppliedChanges outcome;
        std::int64_t latest = 0;
        for (const HubChange& change : changes) {
            try {
                applyHubChange(change, outcome);
            } catch (const Refused& refused) {
                return fail("the hub's change #" + std::to_string(change.hubId) + " (" + change.change.kind +
                            " " + change.change.key + " from " + change.change.origin +
                            ") is refused: " + refused.why + "; nothing of this sync was applied");
            } catch (const SQLite::Exception& e) {
                return fail("the hub's change #" + std::to_string(change.hubId) + " (" + change.change.kind +
                            " " + change.change.key + ") cannot be applied to " + path_.string() + ": " +
                            e.what() + "; nothing of this sync was applied");
            }
            latest = std::max(latest, change.change.hlc);
        }
        // The clock moves past everything seen, so the next change here is later than all of it.
        SQLite::Statement clock(*db_, "UPDATE sync_clock SET hlc = max(hlc, ?), logging = 1");
        clock.bind(1, static_cast<int64_t>(latest));
        clock.exec();
        setMeta(*statements_, "hub_cursor", std::to_string(changes.back().hubId));
        transaction.commit();
        modelCache_.clear();
        return outcome;
    });
}

Result<void> Store::noteSynced(const std::string& when) {
    return guarded(path_, "note the sync", [&]() -> Result<void> {
        setMeta(*statements_, "last_sync", when);
        return {};
    });
}

Result<std::vector<SyncConflict>> Store::conflicts(bool includeResolved) const {
    return guarded(path_, "read the conflicts", [&]() -> Result<std::vector<SyncConflict>> {
        std::vector<SyncConflict> out;
        SQLite::Statement q(*db_, std::string("SELECT id, kind, key, field, description, kept_value, "
                                              "kept_origin, kept_hlc, lost_value, lost_origin, lost_hlc, "
                                              "detected_at, coalesce(resolved_at, '') FROM sync_conflicts") +
                                      (includeResolved ? "" : " WHERE resolved_at IS NULL") + " ORDER BY id");
        while (q.executeStep()) {
            SyncConflict c;
            c.id = q.getColumn(0).getInt64();
            c.kind = q.getColumn(1).getString();
            c.key = q.getColumn(2).getString();
            c.field = q.getColumn(3).getString();
            c.description = q.getColumn(4).getString();
            c.keptValue = parsedOrNull(q.getColumn(5).getString());
            c.keptOrigin = q.getColumn(6).getString();
            c.keptHlc = q.getColumn(7).getInt64();
            c.lostValue = parsedOrNull(q.getColumn(8).getString());
            c.lostOrigin = q.getColumn(9).getString();
            c.lostHlc = q.getColumn(10).getInt64();
            c.detectedAt = q.getColumn(11).getString();
            c.resolvedAt = q.getColumn(12).getString();
            out.push_back(std::move(c));
        }
        return out;
    });
}

Result<SyncConflict> Store::resolveConflict(std::int64_t conflictId, bool restoreLost) {
    auto all = conflicts(true);
    if (!all)
        return std::unexpected(all.error());
    auto found =
        std::find_if(all->begin(), all->end(), [&](const SyncConflict& c) { return c.id == conflictId; });
    if (found == all->end())
        return fail("no conflict with id " + std::to_string(conflictId) + " in " + path_.string() +
                    " (see 'maturity conflicts')");
    if (!found->resolvedAt.empty())
        return fail("conflict " + std::to_string(conflictId) + " was resolved on " + found->resolvedAt);
    backUpIfDue();
    return guarded(path_, "resolve the conflict", [&]() -> Result<SyncConflict> {
        SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        if (restoreLost) {
            const SyncKind* kind = findSyncKind(found->kind);
            if (!kind || found->field.empty())
                return fail("conflict " + std::to_string(conflictId) +
                            " is a deletion against edits; add what was lost again by hand");
            try {
                const auto rowId = locate(*statements_, *kind, splitKey(*kind, found->key));
                if (!rowId)
                    return fail("the " + found->description + " of conflict " + std::to_string(conflictId) +
                                " is no longer here");
                // Written with the log on: a new change, later than both, that every laptop then takes.
                writeField(*statements_, *kind, *rowId, fieldOf(*kind, found->field), found->lostValue);
            } catch (const Refused& refused) {
                return fail("conflict " + std::to_string(conflictId) + " cannot be restored: " + refused.why);
            }
        }
        auto q = statements_->prepare("UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?");
        found->resolvedAt = nowIsoUtc();
        q->bind(1, found->resolvedAt);
        q->bind(2, static_cast<int64_t>(conflictId));
        q->exec();
        transaction.commit();
        return *found;
    });
}

} // namespace mw
