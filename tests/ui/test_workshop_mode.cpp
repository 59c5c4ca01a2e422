// Workshop mode in the workbench: the Room page, voice by voice, the blind vote and who joined.
#include "action_plan_page.hpp"
#include "app/answers.hpp"
#include "app/workshop.hpp"
#include "assessment_document.hpp"
#include "compare_page.hpp"
#include "dashboard_page.hpp"
#include "dialogs.hpp"
#include "editor_page.hpp"
#include "level_card.hpp"
#include "main_window.hpp"
#include "portfolio_view.hpp"
#include "presenter_window.hpp"
#include "radar_widget.hpp"
#include "room_page.hpp"
#include "storage/demo.hpp"
#include "support.hpp"
#include "workbench_fixture.hpp"
#include "workspace.hpp"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <SQLiteCpp/SQLiteCpp.h>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;

TEST_CASE("the Room page shows each group's view and where the room disagrees", "[ui]") {
    DemoWorkbench wb;
    wb.window->showPage(3);
    RoomPage* room = wb.window->roomPage();
    QTableWidget* heat = room->heatMap();
    REQUIRE(heat->columnCount() == 5); // dimension, IT, OT, Business, spread
    CHECK(heat->horizontalHeaderItem(1)->text() == "IT (3)");
    CHECK(heat->horizontalHeaderItem(2)->text() == "OT (3)");
    CHECK(heat->horizontalHeaderItem(3)->text() == "Business (2)");
    CHECK(heat->rowCount() == 8);
    // Security: IT well above OT, as the demo's room saw it.
    const int security = 4;
    CHECK(heat->item(security, 0)->text() == "Security, safety & continuity");
    CHECK(heat->item(security, 1)->text().toDouble() > heat->item(security, 2)->text().toDouble() + 1);
    CHECK(room->disagreements()->rowCount() == 15);
    CHECK(room->disagreements()->item(0, 0)->text().contains("\nIT "));
    CHECK(room->disagreements()->item(0, 1)->text().contains("discuss"));
    CHECK(room->summary()->text().contains("questions to discuss"));
    REQUIRE(room->radar()->chart().series.size() == 3);
    CHECK(room->radar()->chart().series[1].name == "OT");

    // A voice given in the editor moves the room at once.
    const QString before = heat->item(0, 2)->text();
    AssessmentDocument* doc = wb.window->document();
    const auto ot = std::find_if(doc->participants().begin(), doc->participants().end(),
                                 [](const Participant& p) { return p.group == "OT"; });
    REQUIRE(
        app::recordAnswer(wb.workspace.app(), doc->id(), "GO1", AnswerEdit::setLevel(5), ot->id).has_value());
    REQUIRE(wb.window->openAssessment(1).has_value()); // the baseline has the consensus only
    CHECK(room->heatMap()->rowCount() == 0);
    CHECK(room->summary()->text().contains("Only the consensus"));
    REQUIRE(wb.window->openAssessment(2).has_value());
    CHECK(room->heatMap()->item(0, 2)->text() != before);
}

TEST_CASE("voice by voice from the keyboard: each group's level, then the suggested consensus",
          "[ui][voices]") {
    Workbench wb;
    auto started = wb.window->createAssessment(request("Voices Ltd"));
    REQUIRE(started.has_value());
    // The roster comes from the application layer (the CLI's 'participant add' or a merged bundle).
    for (const auto& [name, group] :
         {std::pair{"Ana", "IT"}, std::pair{"Chidi", "OT"}, std::pair{"Dee", "Business"}})
        REQUIRE(app::addParticipant(wb.workspace.app(), *started, name, group).has_value());
    wb.workspace.closeAssessment();
    REQUIRE(wb.window->openAssessment(*started).has_value());
    AssessmentDocument* doc = wb.window->document();
    auto* strip = wb.window->findChild<QWidget*>("voiceStrip");
    REQUIRE(strip != nullptr);
    CHECK(strip->isVisible());
    auto* suggestion = wb.window->findChild<QLabel*>("suggestedConsensus");
    CHECK(suggestion->text().contains("No voice has given a level yet"));

    wb.questionPanel()->setFocus();
    CHECK(doc->activeVoice() == doc->consensusId());
    wb.key(Qt::Key_Right); // Ana (IT)
    wb.key(Qt::Key_4);
    wb.key(Qt::Key_Right); // Chidi (OT)
    wb.key(Qt::Key_1);
    wb.key(Qt::Key_Right); // Dee (Business)
    wb.key(Qt::Key_3);
    CHECK(doc->participant(doc->activeVoice())->name == "Dee");
    CHECK_FALSE(doc->answer("GO1").has_value()); // the consensus is not written by the voices
    const auto stored = wb.workspace.app().store().answers(doc->id());
    REQUIRE(stored->size() == 3);
    // Without a consensus the question scores the mean of the group means: (4 + 1 + 3) / 3.
    CHECK(*doc->scores().questions[0].answer.current == Approx(8.0 / 3));
    CHECK(suggestion->text().contains("Suggested consensus: 3 Defined"));
    CHECK(suggestion->text().contains("discuss")); // 4 and 1 are three levels apart
    bool chipShowsAna = false;
    for (auto* chip : strip->findChildren<QLabel*>())
        chipShowsAna = chipShowsAna || chip->text() == "Ana · IT  4";
    CHECK(chipShowsAna);

    wb.key(Qt::Key_S); // take the suggestion as the consensus
    REQUIRE(doc->answer("GO1").has_value());
    CHECK(doc->answer("GO1")->current == 3);
    CHECK(doc->scores().questions[0].answer.fromConsensus);
    wb.key(Qt::Key_C);
    CHECK(doc->activeVoice() == doc->consensusId());
    wb.key(Qt::Key_Left); // wraps to the last voice
    CHECK(doc->participant(doc->activeVoice())->name == "Dee");
    // Undo takes back the consensus, then the voices, one by one.
    doc->undoStack()->undo();
    CHECK_FALSE(doc->answer("GO1").has_value());
    doc->undoStack()->undo();
    CHECK_FALSE(doc->answer("GO1", doc->activeVoice()).has_value());
}

TEST_CASE("a blind vote on the projector hides the voices and the marks until the reveal", "[ui][voices]") {
    DemoWorkbench wb;
    AssessmentDocument* doc = wb.window->document();
    auto* presenter = new PresenterWindow(doc);
    presenter->show();
    REQUIRE(QTest::qWaitForWindowExposed(presenter));
    auto marked = [&] {
        for (auto* card : presenter->findChildren<LevelCard*>())
            if (!card->badgeText().isEmpty())
                return true;
        return false;
    };
    CHECK(marked()); // an open vote: the consensus and its target are marked
    CHECK(presenter->voicesLabel()->text().startsWith("IT: "));

    QTest::keyClick(presenter, Qt::Key_B);
    CHECK_FALSE(marked());
    CHECK(presenter->voicesLabel()->text() == "8 of 8 voices in  ·  R reveals");
    QTest::keyClick(presenter, Qt::Key_R);
    CHECK(marked());
    const QString revealed = presenter->voicesLabel()->text();
    CHECK(revealed.contains("IT: "));
    CHECK(revealed.contains("OT: "));
    CHECK(revealed.contains("Business: "));
    // The next question is hidden again until its own reveal.
    QTest::keyClick(presenter, Qt::Key_PageDown);
    CHECK_FALSE(marked());
    CHECK(presenter->voicesLabel()->text().endsWith("R reveals"));
    presenter->close();
}

TEST_CASE("participants join the room from the workbench and the voice strip follows", "[ui][voices]") {
    Workbench wb;
    REQUIRE(wb.window->createAssessment(request("Roster Ltd")).has_value());
    AssessmentDocument* doc = wb.window->document();
    auto* strip = wb.window->findChild<QWidget*>("voiceStrip");
    CHECK_FALSE(strip->isVisible()); // the consensus alone needs no strip
    auto added = doc->addParticipant("Eve", "Vendor", "Integrator");
    REQUIRE(added.has_value());
    CHECK(strip->isVisible());
    CHECK(strip->findChildren<QLabel*>().size() == 2);
    CHECK(
        doc->addParticipant("eve", "OT", "").error().message.find("already has a participant named 'Eve'") !=
        std::string::npos);
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_Right);
    wb.key(Qt::Key_2);
    CHECK(doc->answer("GO1", added->id)->current == 2);
    CHECK(wb.workspace.app().store().participants(doc->id())->size() == 2);
}
