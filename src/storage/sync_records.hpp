#pragma once
// Internal to maturity_storage: what of each table travels to the team hub, named once. The change-log
// triggers (sync_schema.cpp) and the code that applies the hub's changes (sync_store.cpp) are both made
// from this description, so the two cannot disagree about a field.
#include <string>
#include <vector>

namespace mw::sql {

enum class FieldType {
    Text,         // TEXT NOT NULL
    Number,       // REAL, may be null
    Flag,         // INTEGER 0 or 1
    Count,        // INTEGER >= 0
    OptionalText, // TEXT, may be null
    ClientRef,    // the client's uid; the row holds its id
    SnapshotRef,  // the model snapshot's digest; the row holds its id
    Questions,    // the action's question ids, in order (action_questions)
};

struct SyncField {
    const char* name;   // in the change's fields
    const char* column; // in the table (unused for Questions)
    FieldType type;
    // Bookkeeping that follows the record's real fields (when and where it was last written): the later
    // clock wins as for any field, but two laptops writing it is no conflict worth showing.
    bool quiet = false;
    // Logged when the row is created only: later writes are derived (the assessment's updated_at moves
    // with every answer) or travel on their own (an action's questions).
    bool insertOnly = false;
};

struct SyncKind {
    const char* kind;
    const char* table;
    // SQL over a row named by '%' (NEW, OLD or a table alias): the record's key and its client's uid.
    const char* keySql;
    const char* clientSql;
    // SQL over '%': true while the record's parent is there. A row deleted with its parent (the foreign
    // key's cascade) needs no tombstone of its own: the parent's covers it. Null: never deleted alone (a
    // model snapshot is content, shared by whoever uses it).
    const char* parentSql;
    std::vector<SyncField> fields;
    const char* orderBy; // the order in which the first sync sends existing rows
};

// In the order records depend on one another: a change is applied only after what it refers to.
const std::vector<SyncKind>& syncKinds();
const SyncKind* findSyncKind(const std::string& kind);
// The SQL expression of a field's value over the row '%'.
std::string fieldValueSql(const SyncField& field);
// Replaces every '%' in the text by the row's name.
std::string overRow(std::string text, const std::string& row);

// The change-log triggers, and the statements that log every existing row once (the first sync).
std::string syncTriggers();
std::vector<std::string> logExistingRows();

} // namespace mw::sql
