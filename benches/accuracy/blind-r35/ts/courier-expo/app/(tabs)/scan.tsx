import { useEffect, useState } from 'react';
import { Keyboard, Text, TextInput, View } from 'react-native';
import { Accelerometer } from 'expo-sensors';

export default function ScanScreen() {
  const [code, setCode] = useState('');
  const [keyboardUp, setKeyboardUp] = useState(false);
  const [dropped, setDropped] = useState(false);

  useEffect(() => {
    const show = Keyboard.addListener('keyboardDidShow', () => setKeyboardUp(true));
    const hide = Keyboard.addListener('keyboardDidHide', () => setKeyboardUp(false));
    return () => {
      show.remove();
      hide.remove();
    };
  }, []);

  useEffect(() => {
    Accelerometer.setUpdateInterval(250);
    Accelerometer.addListener(({ x, y, z }) => {
      // crude drop detection for parcel-handling reports
      if (Math.sqrt(x * x + y * y + z * z) > 3.5) setDropped(true);
    });
  }, []);

  const submit = async () => {
    await fetch(`/api/orders/${encodeURIComponent(code)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'delivered', note: dropped ? 'device drop detected' : undefined }),
    });
    setCode('');
    setDropped(false);
  };

  return (
    <View style={{ flex: 1, padding: 16, justifyContent: keyboardUp ? 'flex-start' : 'center' }}>
      <Text>Scan or type the parcel code</Text>
      <TextInput value={code} onChangeText={setCode} onSubmitEditing={submit} autoFocus />
      {dropped && <Text style={{ color: 'orange' }}>Drop detected — will be noted</Text>}
    </View>
  );
}
