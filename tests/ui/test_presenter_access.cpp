// Presenter mode's slides and type, and what every control tells a screen reader, on the offscreen platform.
#include "assessment_document.hpp"
#include "editor_page.hpp"
#include "level_card.hpp"
#include "presenter_window.hpp"
#include "radar_widget.hpp"
#include "storage/demo.hpp"
#include "workbench_fixture.hpp"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;

namespace {

QString accessibleName(QWidget* widget) {
    QAccessibleInterface* face = QAccessible::queryAccessibleInterface(widget);
    return face ? face->text(QAccessible::Name) : QString();
}

// The controls a user operates: what takes the keyboard focus, and what can be clicked or chosen.
bool isControl(QWidget* widget) {
    if (qobject_cast<QLineEdit*>(widget) && qobject_cast<QComboBox*>(widget->parentWidget()))
        return false; // an editable combo box's own field: the combo box is the control
    if (qobject_cast<QHeaderView*>(widget))
        return false; // part of its table, which has the name
    return qobject_cast<QAbstractButton*>(widget) || qobject_cast<QComboBox*>(widget) ||
           qobject_cast<QLineEdit*>(widget) || qobject_cast<QPlainTextEdit*>(widget) ||
           qobject_cast<QAbstractItemView*>(widget) || qobject_cast<QProgressBar*>(widget) ||
           qobject_cast<LevelCard*>(widget) || qobject_cast<RadarWidget*>(widget) ||
           widget->objectName() == "questionPanel";
}

LevelCard* card(QWidget* root, const QString& namePrefix) {
    for (auto* c : root->findChildren<LevelCard*>())
        if (c->isVisibleTo(root) && c->accessibleName().startsWith(namePrefix))
            return c;
    return nullptr;
}

} // namespace

TEST_CASE("every control has an accessible name, and the name says its state", "[ui][access]") {
    DemoWorkbench wb;
    for (int page = 0; page < wb.window->findChild<QTabWidget*>()->count(); ++page) {
        wb.window->showPage(page);
        QApplication::processEvents();
        for (auto* widget : wb.window->findChildren<QWidget*>()) {
            if (!isControl(widget) || !widget->isVisible())
                continue;
            CAPTURE(page, widget->metaObject()->className(), widget->objectName().toStdString());
            CHECK_FALSE(accessibleName(widget).trimmed().isEmpty());
        }
    }
    wb.window->showPage(0);
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_C); // the consensus
    wb.key(Qt::Key_3);
    wb.key(Qt::Key_4, Qt::AltModifier);
    wb.key(Qt::Key_H);
    auto* editor = wb.window->editor();
    CHECK(card(editor, "Level 3 ")->accessibleName().endsWith(", current level"));
    CHECK(card(editor, "Level 4 ")->accessibleName().endsWith(", target"));
    CHECK_FALSE(card(editor, "Level 2 ")->accessibleName().contains("current"));
    CHECK(editor->findChild<QComboBox*>("targetCombo")->accessibleName().endsWith(": 4 Managed"));
    CHECK(editor->findChild<QComboBox*>("confidenceCombo")->accessibleName().endsWith("High confidence"));
    CHECK(
        wb.questionPanel()->accessibleDescription().contains("Answering for the consensus: current level 3"));
    wb.key(Qt::Key_Right); // the first voice
    CHECK(editor->findChild<QPlainTextEdit*>("notesEdit")->accessibleName().startsWith("Notes for "));
    CHECK_FALSE(editor->findChild<QPlainTextEdit*>("notesEdit")->accessibleName().contains("consensus"));
}

TEST_CASE("the radar is described in words with each series' values", "[ui][access]") {
    DemoWorkbench wb;
    wb.window->showPage(1);
    auto* radar = wb.window->dashboard()->findChild<RadarWidget*>();
    REQUIRE(radar);
    const QString description = radar->accessibleDescription();
    CHECK(description.contains("Radar chart of 8 axes"));
    CHECK(description.contains("Current: "));
    CHECK(description.contains("Target: "));
    CHECK(description.contains(QString::fromStdString(wb.doc()->model().dimensions[0].title)));
}

TEST_CASE("the level cards take the focus from Tab, show a ring, and Space picks one", "[ui][access]") {
    DemoWorkbench wb;
    wb.window->showPage(0);
    wb.questionPanel()->setFocus();
    wb.key(Qt::Key_C);
    LevelCard* four = card(wb.window->editor(), "Level 4 ");
    REQUIRE(four);
    const QImage unfocused = four->grab().toImage();
    // Tab from the question reaches the cards in order, 0 first.
    QTest::keyClick(wb.questionPanel(), Qt::Key_Tab);
    auto* focused = qobject_cast<LevelCard*>(QApplication::focusWidget());
    REQUIRE(focused);
    CHECK(focused->accessibleName().startsWith("Level 0 "));
    four->setFocus(Qt::TabFocusReason);
    CHECK(four->grab().toImage() != unfocused);
    QTest::keyClick(four, Qt::Key_Space);
    CHECK(wb.doc()->answer(wb.doc()->currentQuestion().id)->current == 4);
    // The workshop keys still work from a card: a digit sets the level, not a card's own meaning.
    QTest::keyClick(four, Qt::Key_2);
    CHECK(wb.doc()->answer(wb.doc()->currentQuestion().id)->current == 2);
    // A click picks the level without taking the focus from where the keys go.
    wb.questionPanel()->setFocus();
    QTest::mouseClick(card(wb.window->editor(), "Level 5 "), Qt::LeftButton);
    CHECK(wb.doc()->answer(wb.doc()->currentQuestion().id)->current == 5);
    CHECK(QApplication::focusWidget() == wb.questionPanel());
}

TEST_CASE("on the projector the descriptors take type that fills their cards", "[ui][presenter]") {
    DemoWorkbench wb;
    const double editorSize = card(wb.window->editor(), "Level 1 ")->descriptorPixelSize();
    for (const QSize screen : {QSize(1280, 720), QSize(1920, 1080)}) {
        auto* presenter = new PresenterWindow(wb.doc());
        presenter->resize(screen);
        presenter->show();
        REQUIRE(QTest::qWaitForWindowExposed(presenter));
        QApplication::processEvents();
        CAPTURE(screen.width());
        for (auto* c : presenter->findChildren<LevelCard*>()) {
            if (!c->isVisible())
                continue;
            CHECK(c->descriptorPixelSize() > editorSize * 1.3);
            // Nothing is cut off: the card's layout fits inside the card.
            CHECK(c->layout()->totalHeightForWidth(c->width()) <= c->height() + 2);
            CHECK(c->geometry().bottom() <= presenter->height());
        }
        presenter->close();
        QApplication::processEvents();
    }
}

TEST_CASE("results slides: each dimension and the whole assessment, with each group's outline",
          "[ui][presenter]") {
    DemoWorkbench wb;
    auto* presenter = new PresenterWindow(wb.doc());
    presenter->resize(1280, 720);
    presenter->show();
    REQUIRE(QTest::qWaitForWindowExposed(presenter));
    const std::string firstDimension = wb.doc()->model().dimensions[0].title;

    QTest::keyClick(presenter, Qt::Key_D);
    REQUIRE(presenter->showsResults());
    CHECK(presenter->resultsTitle()->text().endsWith(QString::fromStdString(firstDimension)));
    CHECK(presenter->resultsScores()->text().startsWith("Room "));
    CHECK(presenter->resultsScores()->text().contains("IT "));
    CHECK(presenter->resultsScores()->text().contains("OT "));
    CHECK(presenter->resultsRadar()->isVisible());
    CHECK(presenter->resultsRadar()->chart().series.size() == 3); // IT, OT, Business
    CHECK(presenter->resultsRadar()->chart().axes.size() ==
          static_cast<qsizetype>(wb.doc()->model().dimensions[0].questions.size()));
    // A digit on a results slide changes nothing the room cannot see.
    const auto before = wb.doc()->answer(wb.doc()->currentQuestion().id);
    QTest::keyClick(presenter, Qt::Key_1);
    CHECK(wb.doc()->answer(wb.doc()->currentQuestion().id) == before);

    QTest::keyClick(presenter, Qt::Key_PageDown);
    CHECK(presenter->resultsTitle()->text().endsWith(
        QString::fromStdString(wb.doc()->model().dimensions[1].title)));
    QTest::keyClick(presenter, Qt::Key_A);
    CHECK(presenter->resultsTitle()->text().contains("every dimension"));
    CHECK(presenter->resultsRadar()->chart().axes.size() == 8);
    // The demo's safety-system floor holds the room's index, and the slide says so.
    CHECK(presenter->resultsScores()->text().contains(
        "The overall index is held at 2.00 by a floor (2.15 without it): SF1 reads 1, below 2."));
    QTest::keyClick(presenter, Qt::Key_Escape);
    CHECK_FALSE(presenter->showsResults());
    CHECK(presenter->isVisible()); // Esc on a results slide goes back, not away
    presenter->close();
}

TEST_CASE("during a blind vote the scores stay hidden unless the setting shows them", "[ui][presenter]") {
    DemoWorkbench wb;
    auto* presenter = new PresenterWindow(wb.doc());
    presenter->show();
    REQUIRE(QTest::qWaitForWindowExposed(presenter));
    CHECK(presenter->scoreLabel()->isVisible());
    CHECK(presenter->scoreLabel()->text().startsWith("Room: "));

    QTest::keyClick(presenter, Qt::Key_B);
    CHECK_FALSE(presenter->scoreLabel()->isVisible());
    QTest::keyClick(presenter, Qt::Key_A);
    CHECK(presenter->resultsScores()->text() == "Scores stay hidden until the reveal (R).");
    CHECK_FALSE(presenter->resultsRadar()->isVisible());
    presenter->setScoresBeforeReveal(true);
    CHECK(presenter->resultsScores()->text().startsWith("Room "));
    CHECK(presenter->resultsRadar()->isVisible());
    presenter->setScoresBeforeReveal(false);
    QTest::keyClick(presenter, Qt::Key_R);
    CHECK(presenter->resultsRadar()->isVisible());
    QTest::keyClick(presenter, Qt::Key_Escape);
    CHECK(presenter->scoreLabel()->isVisible());
    presenter->close();
}

TEST_CASE("a window size saved on a larger screen never opens larger than this one", "[ui]") {
    QWidget large;
    large.resize(2600, 1600);
    large.move(40, 40);
    QSettings().setValue("window/geometry", large.saveGeometry());
    Workbench wb;
    QSettings().remove("window/geometry");
    const QRect available = wb.window->screen()->availableGeometry();
    CAPTURE(available.width(), available.height(), wb.window->width(), wb.window->height());
    CHECK(wb.window->width() <= available.width());
    CHECK(wb.window->height() <= available.height());
    CHECK(available.contains(wb.window->geometry().topLeft()));
}
