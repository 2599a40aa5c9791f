import QtQuick 2.15
import QtQuick.Controls 2.15
import QtQuick.Layouts 1.15
import Stockroom 1.0

ApplicationWindow {
    visible: true
    width: 640
    height: 420
    title: "Stockroom"

    Backend {
        id: backend
        operator: "counter-1"
    }

    Timer {
        interval: 30000
        running: true
        repeat: true
        triggeredOnStart: true
        onTriggered: backend.refresh_transfers()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12

        RowLayout {
            TextField { id: skuField; placeholderText: "Scan or type SKU"; Layout.fillWidth: true
                onAccepted: result.text = backend.lookup(text) }
            Button { text: "Look up"; onClicked: result.text = backend.lookup(skuField.text) }
        }
        Label { id: result; text: "" }
        RowLayout {
            SpinBox { id: delta; from: -100; to: 100; value: 1 }
            Button { text: "Adjust"; onClicked: backend.adjust(skuField.text, delta.value) }
        }
        Label { text: "Pending transfers" ; font.bold: true }
        Label { text: backend.transfers }
        Label { text: backend.status; color: "gray" }
    }
}
