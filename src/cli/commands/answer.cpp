#include "app/answers.hpp"
#include "app/workshop.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_format.hpp"

namespace mw::cli {

namespace {

// A level as typed: its number or its label ("Largely", or a prefix such as "larg").
double typedLevel(const Model& model, const QString& text, const char* what) {
    auto level = parseLevel(model, s(text));
    if (!level)
        throw UsageError{QStringLiteral("answer: %1: %2").arg(QLatin1String(what), q(level.error().message))};
    return *level;
}

} // namespace

int answerCommand(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    const QString questionId = context.positional(1, "QUESTION");
    const QString levelText = context.positional(2, "LEVEL");
    context.expectPositionals(3);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto snapshot = (*workspace)->store().model(id);
    if (!snapshot)
        return context.fail(snapshot.error());
    const Model& model = **snapshot;
    AnswerEdit edit;
    if (levelText.compare("na", Qt::CaseInsensitive) == 0 || levelText == "n/a") {
        edit.level = AnswerEdit::Level::NotApplicable;
    } else {
        edit.level = AnswerEdit::Level::Set;
        edit.current = typedLevel(model, levelText, "LEVEL");
    }
    if (context.isSet("target"))
        edit.target = typedLevel(model, context.value("target"), "--target");
    if (context.isSet("note"))
        edit.note = s(context.value("note"));
    if (context.isSet("confidence")) {
        auto confidence = confidenceFromString(s(context.value("confidence")));
        if (!confidence)
            throw UsageError{"answer: --confidence must be low, medium or high"};
        edit.confidence = *confidence;
    }
    Id participant = 0; // the consensus
    QString voice;
    if (context.isSet("participant")) {
        auto found = app::findParticipant(**workspace, id, s(context.value("participant")));
        if (!found)
            return context.fail(found.error());
        participant = found->id;
        if (!found->isDefault)
            voice = " for " + q(found->name) + " (" + q(found->group) + ")";
    }
    auto saved = app::recordAnswer(**workspace, id, s(questionId), edit, participant);
    if (!saved)
        return context.fail(saved.error());
    QTextStream& out = context.out;
    out << "Saved " << questionId << " in assessment #" << id << voice << ": ";
    if (saved->notApplicable)
        out << "N/A";
    else
        out << number(saved->current) << " (" << q(model.levelLabel(*saved->current)) << ")";
    if (saved->target)
        out << ", target " << number(saved->target) << " (" << q(model.levelLabel(*saved->target)) << ")";
    out << ", confidence " << q(std::string(toString(saved->confidence)));
    if (isAboveTarget(*saved))
        out << "; above target";
    out << ".\n";
    return ExitOk;
}

} // namespace mw::cli
