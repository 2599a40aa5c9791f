import React from 'react';
import { SafeAreaView, Text, Pressable } from 'react-native';
import { useTranslation } from 'react-i18next';
import './i18n';

export default function App() {
  const { t } = useTranslation();
  return (
    <SafeAreaView>
      <Text>{t('home.title')}</Text>
      <Pressable accessibilityRole="button">
        <Text>{t('home.startInspection')}</Text>
      </Pressable>
    </SafeAreaView>
  );
}
