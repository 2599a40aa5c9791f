import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

import com.acme.stockroom

ApplicationWindow {
    visible: true
    width: 480
    height: 800
    title: "Stockroom scanner"

    Scanner { id: scanner }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16

        TextField {
            id: skuField
            placeholderText: "Scan or type SKU"
            onAccepted: scanner.lookupSku(text)
        }
        Label { text: scanner.description }
        Label { text: "On hand: " + scanner.on_hand }
        TextField { id: noteField; placeholderText: "Damage note" }
        Button {
            text: "Report damage"
            onClicked: scanner.reportDamage(skuField.text, noteField.text)
        }
        Button { text: "Sync"; onClicked: scanner.syncNow() }
        Label { text: scanner.status }
    }
}
